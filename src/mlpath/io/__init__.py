"""Reading and writing: files, YAML, answer-set lines and the standard streams."""
