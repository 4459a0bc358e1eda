"""The engine: pure functions from answers and content to a verdict, a roadmap and what the commands show."""
