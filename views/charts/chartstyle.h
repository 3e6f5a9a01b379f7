#pragma once
// Shared look of the workbench's charts, and the Making Data Count colours
// (framework.md §8).

#include <QChart>
#include <QColor>

namespace owb::chartstyle {

inline const QColor kImprovement{0x00, 0xb0, 0xf0};
inline const QColor kConcern{0xe4, 0x6c, 0x0a};
inline const QColor kNeither{0x49, 0x00, 0x92};
inline const QColor kCommonCause{0xa6, 0xa6, 0xa6};
inline const QColor kTarget{0xde, 0x1b, 0x1b};
inline const QColor kOrganisation{0x00, 0x5e, 0xb8};  // NHS blue
inline const QColor kPeers{0x76, 0x86, 0x92};

// "24/25 Q1" for "2024/25 Q1": axis labels that fit.
QString shortQuarter(const QString &quarter);

// Margins, fonts and legend placement for a compact chart.
void apply(QChart *chart, const QString &title);

} // namespace owb::chartstyle
