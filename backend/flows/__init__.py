"""Transport-neutral multi-step conversations (feedback, subscription) driven by the bot or CLI."""
