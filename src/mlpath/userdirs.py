"""Where mlpath keeps a person's files: one policy for every kind.

MLPATH_HOME, when set, holds everything (the plan, the resume file, and the cache in its
`cache` folder). Otherwise each kind goes where the platform expects it (platformdirs): the
plan and the resume file in the user data directory, the content cache in the user cache
directory.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_HOME = "MLPATH_HOME"


def data_home() -> Path:
    """The saved plan and the resume file live here."""
    chosen = os.environ.get(ENV_HOME)
    if chosen:
        return Path(chosen)
    from platformdirs import user_data_dir

    return Path(user_data_dir("mlpath", appauthor=False))


def cache_home() -> Path:
    """Files mlpath can always rebuild (the content cache) live here."""
    chosen = os.environ.get(ENV_HOME)
    if chosen:
        return Path(chosen) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mlpath", appauthor=False))
