"""Running the bot: settings, logs, health, orderly shutdown, and the SQLite file's setup.

Nothing here answers a question or knows of Discord; every other part may use it.
"""
