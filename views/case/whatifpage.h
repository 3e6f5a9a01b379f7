#pragma once
// What-if: change metric values and see the scores, average, segment and
// rank that would result against the same peers, beside the actual result.
// Nothing is stored.

#include "casecontext.h"
#include "casework/casework.h"

#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLabel;
class QTableView;

namespace owb {

class WhatIfModel;

class WhatIfPage : public QWidget
{
    Q_OBJECT
public:
    explicit WhatIfPage(QWidget *parent = nullptr);
    void setContext(const CaseContext &context);
    WhatIfModel *model() const { return m_model; }

private:
    void showSummary();

    WhatIfModel *m_model;
    QTableView *m_table;
    QGridLayout *m_summary;
    QLabel *m_note; // why a decided segment does not move
    QCheckBox *m_deficit;  // what if the trust were (not) in deficit
    QLabel *m_problems;  // what typed text was not taken, and why
    FinalSegment m_final;
};

} // namespace owb
