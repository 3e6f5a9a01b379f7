#pragma once
// Quarters a recovery trajectory can be planned for: the workspace's own and
// the ones after its latest, since a trajectory looks forward.

#include <QStringList>

namespace owb {

// The `count` quarters after `label` in its own spelling ("2025/26 Q4" gives
// "2026/27 Q1", ...); empty when the label is not of the form "YYYY/YY Qn".
QStringList quartersAfter(const QString &label, int count);
// `known` (oldest first) followed by the `ahead` quarters after its last.
QStringList plannableQuarters(const QStringList &known, int ahead = 8);
// The quarter a new trajectory point is offered for: the first of
// `plannable` from `from` on that is not in `planned` (the quarters the
// metric already has a point for), else the first before `from` that is
// not, else `from`.
QString firstUnplannedQuarter(const QStringList &plannable, const QString &from, const QStringList &planned);

} // namespace owb
