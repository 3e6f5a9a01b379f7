#include "evidencedialog.h"

#include "casework/datetext.h"
#include "widgets/dateedit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace owb {

EvidenceDialog::EvidenceDialog(const QList<NamedItem> &areas, const QString &area, QWidget *parent)
    : QDialog(parent),
      m_title(new QLineEdit(this)),
      m_date(new DateEdit(this)),
      m_dateProblem(new QLabel(this)),
      m_source(new QLineEdit(this)),
      m_area(new QComboBox(this)),
      m_file(new QLabel(tr("No file attached"), this)),
      m_refusal(new QLabel(this))
{
    setWindowTitle(tr("Add Evidence"));
    m_date->setDate(QDate::currentDate());
    m_date->setAccessibleName(tr("Date"));
    m_dateProblem->setWordWrap(true);
    m_dateProblem->setStyleSheet(QStringLiteral("color: #da291c;"));
    m_dateProblem->hide();
    for (const NamedItem &a : areas)
        m_area->addItem(a.name, a.id);
    m_area->setCurrentIndex(qMax(0, m_area->findData(area)));
    m_source->setPlaceholderText(tr("e.g. trust board, CQC, region"));
    auto *attach = new QPushButton(tr("Attach &File..."), this);
    connect(attach, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Attach File"));
        if (path.isEmpty())
            return;
        m_filePath = path;
        m_file->setText(QFileInfo(path).fileName());
    });
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(attach);

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(QString(), m_dateProblem);
    form->addRow(tr("&Source:"), m_source);
    form->addRow(tr("&Area:"), m_area);
    form->addRow(tr("File:"), fileRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_title, &QLineEdit::textChanged, ok, [ok](const QString &t) { ok->setEnabled(!t.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    m_refusal->setObjectName(QStringLiteral("refusal"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::PlainText);
    m_refusal->setStyleSheet(QStringLiteral("color: #da291c;"));
    m_refusal->hide();
    layout->addWidget(m_refusal);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

void EvidenceDialog::accept()
{
    // A date that cannot be read is explained beside the field; the dialog stays with what was typed.
    const QString typed = m_date->text().trimmed();
    if (!m_date->date().isValid()) {
        m_dateProblem->setText(typed.isEmpty()
                                   ? tr("A date is needed: type it as %1.").arg(dateHint())
                                   : tr("\"%1\" is not a date: type it as %2 or 31 Mar 2027.").arg(typed, dateHint()));
        m_dateProblem->show();
        m_date->setFocus();
        return;
    }
    m_dateProblem->hide();
    if (m_save) {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        const QString error = m_save();
        QGuiApplication::restoreOverrideCursor();
        if (!error.isEmpty()) {
            // Nothing was stored: the dialog stays, with everything typed.
            m_refusal->setText(tr("Not saved: %1\nEverything you typed is still here: press OK to try again, or Cancel.")
                                   .arg(error));
            m_refusal->show();
            adjustSize();
            return;
        }
        m_refusal->hide();
    }
    QDialog::accept();
}

QString EvidenceDialog::refusal() const
{
    return m_refusal->isHidden() ? QString() : m_refusal->text();
}

EvidenceItem EvidenceDialog::item(const QString &year) const
{
    EvidenceItem item;
    item.year = year;
    item.areaId = m_area->currentData().toString();
    item.title = m_title->text().trimmed();
    item.date = m_date->date().toString(Qt::ISODate);
    item.source = m_source->text().trimmed();
    item.fileName = m_filePath.isEmpty() ? QString() : QFileInfo(m_filePath).fileName();
    return item;
}

} // namespace owb
