"""The Telegram and Bale adapter: handlers, rendering, flows routing, the outbox sender."""

import os

# python-telegram-bot 22 warns (PTBDeprecationWarning) whenever it hands out a time period as an
# int; opting into the coming `datetime.timedelta` behaviour keeps RetryAfter and friends quiet
# (our tests turn warnings into errors) and our code handles both forms.
os.environ.setdefault("PTB_TIMEDELTA", "true")
