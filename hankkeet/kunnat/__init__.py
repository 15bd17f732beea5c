"""The Finnish municipality registry (classification in force on 2021-01-01)."""

from hankkeet.kunnat.registry import Merge, Municipality, RegionTransfer, registry

__all__ = ["Merge", "Municipality", "RegionTransfer", "registry"]
