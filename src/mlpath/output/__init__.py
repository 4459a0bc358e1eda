"""Output: every format a command writes, the views that word it for people, the terminal and the pager."""
