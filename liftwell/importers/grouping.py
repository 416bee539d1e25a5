"""Numbering exercise blocks and set positions inside workouts, shared by the workout importers."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class _Workout:
    blocks: int = 0
    exercise: str | None = None
    order: int | None = None
    position: int = 0


@dataclass
class Blocks:
    """Assigns (block, position) to rows in file order.

    A new block starts when the exercise changes, or when the same exercise's set numbering starts
    again (Strong and Hevy write an exercise done twice in one workout as two runs from 1 or 0).
    """

    _workouts: dict[str, _Workout] = field(default_factory=dict)

    def place(
        self, workout_key: str, exercise: str, order: int | None, *, is_set: bool = True
    ) -> tuple[int, int]:
        state = self._workouts.get(workout_key)
        if state is None:
            state = self._workouts[workout_key] = _Workout()
        restarted = order is not None and state.order is not None and order <= state.order
        if state.exercise is None or exercise != state.exercise or (restarted and is_set):
            state.blocks += 1
            state.exercise = exercise
            state.position = 0
            state.order = None
        if order is not None:
            state.order = order
        block, position = state.blocks - 1, state.position
        if is_set:
            state.position += 1
        return block, position
