"""The attacker's arithmetic, shared by the no-recovery tests: which unknowns do the published
figures and the equations readers know pin down? Written independently of
`dashboard.disclosure.LinearSystem`, so the tests check it rather than repeat it."""

from __future__ import annotations

import numpy as np


def fixed_unknowns(equations: list[dict], known: dict) -> list:
    """Unknowns (keys absent from `known`) that the equations pin down: those on which every
    vector of the null space of the equations (restricted to the unknowns) vanishes, i.e. a
    unit vector on the unknown lies in the row space. One SVD, so a year of tables is quick."""
    unknowns = sorted({k for eq in equations for k in eq if k not in known}, key=repr)
    if not unknowns:
        return []
    index = {k: i for i, k in enumerate(unknowns)}
    matrix = np.zeros((len(equations), len(unknowns)))
    for row, eq in enumerate(equations):
        for key, coef in eq.items():
            if key in index:
                matrix[row, index[key]] = coef
    _, sing, vt = np.linalg.svd(matrix)
    tol = max(matrix.shape) * np.finfo(float).eps * (sing[0] if len(sing) else 0)
    null = vt[int((sing > max(tol, 1e-9)).sum()) :]
    if not len(null):
        return unknowns
    norms = (null**2).sum(axis=0)
    return [k for k, i in index.items() if norms[i] < 1e-10]
