#pragma once
// Asks for a new capability evidence item: title, date, source, area and an
// optional file to keep inside the case file.

#include "casework/capability.h"
#include "framework/methodology.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace owb {

class EvidenceDialog : public QDialog
{
    Q_OBJECT
public:
    EvidenceDialog(const QList<NamedItem> &areas, const QString &area, QWidget *parent = nullptr);
    EvidenceItem item(const QString &year) const;
    QString filePath() const { return m_filePath; }

private:
    QLineEdit *m_title;
    QDateEdit *m_date;
    QLineEdit *m_source;
    QComboBox *m_area;
    QLabel *m_file;
    QString m_filePath;
};

} // namespace owb
