#pragma once
// Asks for a new capability evidence item: title, date, source, area and an
// optional file to keep inside the case file.

#include "casework/capability.h"
#include "framework/methodology.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace owb {

class DateEdit;

class EvidenceDialog : public QDialog
{
    Q_OBJECT
public:
    EvidenceDialog(const QList<NamedItem> &areas, const QString &area, QWidget *parent = nullptr);
    EvidenceItem item(const QString &year) const;
    QString filePath() const { return m_filePath; }
    void accept() override;

private:
    QLineEdit *m_title;
    DateEdit *m_date;
    QLabel *m_dateProblem; // why the date was refused, beside it
    QLineEdit *m_source;
    QComboBox *m_area;
    QLabel *m_file;
    QString m_filePath;
};

} // namespace owb
