#pragma once
// What-if: the quarter's scored metrics with an editable what-if value, the
// actual and the resulting score side by side, and a what-if deficit. Edits
// stay in this model: nothing is stored, so they are not undo commands. Text
// that cannot be a value is kept in its cell with the reason (ProblemRole),
// and the scenario goes on with the cell's last good value.

#include "casework/whatif.h"

#include <QAbstractTableModel>

namespace owb {

class WhatIfModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Metric, Standard, ActualValue, WhatIfValue, ActualScore, WhatIfScore, ColumnCount };

    explicit WhatIfModel(QObject *parent = nullptr);
    // The quarter's national data (the organisation must be in it) and its
    // decided final segments by code, for ranks after decisions.
    void setQuarter(const Methodology &methodology, const QuarterData &national, const QString &code,
                    const QHash<QString, int> &finalSegments = {});
    void resetScenario();
    const WhatIfResult &result() const { return m_result; }
    bool hasChanges() const { return !m_overrides.isEmpty() || m_deficit.has_value(); }
    // Whether the organisation is taken to be in deficit (the finance
    // override); the one it reported until set.
    bool deficit() const { return m_deficit.value_or(m_result.actual.deficit); }
    void setDeficit(bool deficit);
    // "OF0023: “abc” is not a number: …" for every cell whose text was not taken.
    QStringList problems() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void resultChanged();

private:
    void recompute();

    const Methodology *m_methodology = nullptr;
    const QuarterData *m_national = nullptr;
    QString m_code;
    QHash<QString, MetricValue> m_overrides;
    QHash<QString, std::pair<QString, QString>> m_rejected;  // metric id -> (text typed, why not taken)
    std::optional<bool> m_deficit;
    QHash<QString, int> m_finalSegments;
    WhatIfResult m_result;
};

} // namespace owb
