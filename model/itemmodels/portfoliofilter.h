#pragma once
// The portfolio's filters: peer type, segment, needs action and free text, together.

#include <QSortFilterProxyModel>

namespace owb {

class PortfolioFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PortfolioFilter(QObject *parent = nullptr);
    void setPeerType(const QString &peerType);  // empty: all
    static constexpr int kChanged = -2;  // for setSegment: whose segment moved this quarter
    void setSegment(int segment);  // -1: all; 0: not segmented; kChanged
    void setText(const QString &text);
    void setNeedsActionOnly(bool only);  // only the rows that need the region's action

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_peerType;
    int m_segment = -1;
    QString m_text;
    bool m_needsActionOnly = false;
};

} // namespace owb
