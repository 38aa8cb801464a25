"""`marsad watch`: continuous monitoring of news sources, with alerts (see watcher.py)."""

from marsad.watch.config import WatchConfig, load_config
from marsad.watch.watcher import Round, Watcher

__all__ = ["Round", "WatchConfig", "Watcher", "load_config"]
