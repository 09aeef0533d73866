"""The attacker's arithmetic, shared by the no-recovery tests: which unknowns do the published
figures and the equations readers know pin down? Written independently of
`dashboard.disclosure.LinearSystem`, so the tests check it rather than repeat it."""

from __future__ import annotations

import numpy as np


def fixed_unknowns(equations: list[dict], known: dict) -> list:
    """Unknowns (keys absent from `known`) that the equations pin down: a unit vector on the
    unknown lies in the row space of the equations restricted to the unknowns."""
    unknowns = sorted({k for eq in equations for k in eq if k not in known}, key=repr)
    if not unknowns:
        return []
    index = {k: i for i, k in enumerate(unknowns)}
    matrix = np.zeros((len(equations), len(unknowns)))
    for row, eq in enumerate(equations):
        for key, coef in eq.items():
            if key in index:
                matrix[row, index[key]] = coef
    rank = np.linalg.matrix_rank(matrix)
    found = []
    for key, i in index.items():
        unit = np.zeros(len(unknowns))
        unit[i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.append(key)
    return found
