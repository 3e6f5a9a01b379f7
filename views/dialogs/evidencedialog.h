#pragma once
// Asks for a new capability evidence item: title, date, source, area and an
// optional file to keep inside the case file. Given a save (setSave), OK
// stores the item and closes only when it was stored; a refusal is said
// above the buttons with everything typed kept, as RecordDialog does.

#include "casework/capability.h"
#include "framework/methodology.h"

#include <QDialog>
#include <functional>

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
    // "" when the item was stored, else why not (the dialog stays).
    void setSave(std::function<QString()> save) { m_save = std::move(save); }
    // Why the last OK was not stored ("" when it is not shown).
    QString refusal() const;
    void accept() override;

private:
    QLineEdit *m_title;
    DateEdit *m_date;
    QLabel *m_dateProblem; // why the date was refused, beside it
    QLineEdit *m_source;
    QComboBox *m_area;
    QLabel *m_file;
    QString m_filePath;
    QLabel *m_refusal; // why OK did not store the item, above the buttons
    std::function<QString()> m_save;
};

} // namespace owb
