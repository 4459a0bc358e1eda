"""The quiz engine: pure functions from answers and content to a verdict and a roadmap."""
