"""lexdraft.gcpause: the collector is paused inside the block and restored after; nothing is leaked."""

import gc
import weakref

from lexdraft.gcpause import paused_gc


class _Node:
    pass


def test_paused_inside_restored_after():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: the inner block does not re-enable it early
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_left_disabled_when_it_was_disabled():
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_restored_after_an_exception():
    try:
        with paused_gc():
            raise ValueError("x")
    except ValueError:
        pass
    assert gc.isenabled()


def test_cycles_made_inside_are_still_collected():
    # the survivors are moved to the oldest generation, not frozen for good: a cycle freed later is collected
    with paused_gc():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        ref = weakref.ref(a)
    assert gc.get_freeze_count() == 0
    del a, b
    assert ref() is not None  # only the cyclic collector can free it
    gc.collect()
    assert ref() is None


def test_usable_as_decorator():
    @paused_gc()
    def inside() -> bool:
        return gc.isenabled()

    assert inside() is False
    assert gc.isenabled()
