"""Multi-step conversations (feedback); each a small state machine behind `Flow`."""
