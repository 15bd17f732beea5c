"""The Finnish municipality registry (classification in force on 2021-01-01)."""

from hankkeet.kunnat.registry import Municipality, RegionTransfer, Merge, registry

__all__ = ["Municipality", "RegionTransfer", "Merge", "registry"]
