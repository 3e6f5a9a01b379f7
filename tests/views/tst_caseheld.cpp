// Every case page that changes the case holds its own edits (issue 14's
// design debt: an outside layer walked the widgets). Held through its
// setHeld(), a page offers no edit anywhere: every control under it that
// takes input is disabled, read-only or not editable, and says why; as its
// rows are selected and as it is filled again. A control a page forgets to
// hold fails here by its class and name. Released, its edits are offered again.

#include "case/capabilitypage.h"
#include "case/caseview.h"
#include "case/caseworkpage.h"
#include "case/heldcontrols.h"
#include "case/notespage.h"
#include "case/systempage.h"
#include "casework/casesession.h"
#include "demofixture.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextEdit>

using namespace owb;

namespace {

const QString kWhy = QStringLiteral("Held for the test: ask for the editor role.");

// The controls that change nothing, left as they are on a held page: each
// named here, so that a new one is either held or said to change nothing.
bool changesNothing(const QWidget *widget)
{
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        return button->text().remove(QLatin1Char('&')) == QLatin1String("Save Attachment As...");
    const QString name = widget->accessibleName();
    return name == QLatin1String("Search notes") || name == QLatin1String("Assessment year");
}

// A control's own parts (a combo box's line edit, a table's corner button,
// a table's scroll bars) are held with it.
bool partOfAnother(const QWidget *widget, const QWidget *page)
{
    for (const QWidget *w = widget->parentWidget(); w && w != page; w = w->parentWidget())
        if (qobject_cast<const QComboBox *>(w) || qobject_cast<const QLineEdit *>(w)
            || qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QAbstractSpinBox *>(w))
            return !qobject_cast<const QComboBox *>(widget);  // a choice in a table's cell is its own
    return false;
}

// A list whose cells are never edited (the casework navigator) is no edit;
// an empty table may be one once filled.
bool hasEditableCells(const QAbstractItemView *view)
{
    const QAbstractItemModel *model = view->model();
    if (!model || model->rowCount() == 0)
        return true;
    for (int row = 0; row < model->rowCount(); ++row)
        for (int column = 0; column < model->columnCount(); ++column)
            if (model->flags(model->index(row, column)) & Qt::ItemIsEditable)
                return true;
    return false;
}

// Each control under `page` that still takes input, or is held without
// saying why, named by its class and name.
QStringList notHeld(QWidget *page)
{
    QStringList offered;
    for (QWidget *widget : page->findChildren<QWidget *>()) {
        if (partOfAnother(widget, page) || changesNothing(widget))
            continue;
        QString name = widget->accessibleName();
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            name = button->text();
        const QString what = QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(widget->metaObject()->className()), name);
        bool takesInput = false;
        bool isInput = true;
        if (qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget)
            || qobject_cast<QAbstractSpinBox *>(widget)
            || (qobject_cast<QAbstractSlider *>(widget) && !qobject_cast<QScrollBar *>(widget)))
            takesInput = widget->isEnabled();
        else if (qobject_cast<QLineEdit *>(widget) || qobject_cast<QPlainTextEdit *>(widget)
                 || qobject_cast<QTextEdit *>(widget))
            takesInput = !widget->property("readOnly").toBool();
        else if (auto *view = qobject_cast<QAbstractItemView *>(widget))
            isInput = takesInput = view->editTriggers() != QAbstractItemView::NoEditTriggers && hasEditableCells(view);
        else
            isInput = false;
        if (takesInput)
            offered.append(what + QStringLiteral(" takes input"));
        else if (isInput && widget->toolTip() != kWhy)
            offered.append(what + QStringLiteral(" does not say why (its tip: \"%1\")").arg(widget->toolTip()));
    }
    return offered;
}

// Selects each row of each table under `page` in turn (the buttons that act
// on a row are enabled as one is selected), checking the page at each.
QStringList notHeldAsRowsAreSelected(QWidget *page)
{
    QStringList offered = notHeld(page);
    for (QAbstractItemView *view : page->findChildren<QAbstractItemView *>()) {
        if (!view->model() || !view->selectionModel())
            continue;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            view->selectionModel()->select(view->model()->index(row, 0),
                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            view->setCurrentIndex(view->model()->index(row, 0));
            for (const QString &wrong : notHeld(page))
                offered.append(QStringLiteral("%1 row %2: %3").arg(view->accessibleName()).arg(row).arg(wrong));
        }
    }
    offered.removeDuplicates();
    return offered;
}

} // namespace

class TestCaseHeld : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        OWB_BACKEND_READY();
        QVERIFY(m_demo.create());
    }

    void everyEditHeldOnEveryPage()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(m_demo.open(window, QStringLiteral("held")));
        QSet<QString> holding;
        for (const QString &code : window.workspace()->caseCodes()) {
            QVERIFY(window.openCaseCode(code));
            CaseView *view = window.caseView();
            QList<QWidget *> pages;
            for (int i = 0; i < view->tabs()->count(); ++i)
                if (dynamic_cast<HoldsEdits *>(view->tabs()->widget(i)))
                    pages.append(view->tabs()->widget(i));
            const auto where = [view, &code](QWidget *page) {
                return code + QLatin1Char(' ') + view->tabs()->tabText(view->tabs()->indexOf(page)) + QStringLiteral(": ");
            };
            // Held through its own setHeld(), then released.
            for (QWidget *page : std::as_const(pages)) {
                holding.insert(view->tabs()->tabText(view->tabs()->indexOf(page)));
                view->tabs()->setCurrentWidget(page);
                QCoreApplication::processEvents();
                // Writable, as opened: something is offered.
                QVERIFY2(!notHeld(page).isEmpty(), qPrintable(where(page) + QStringLiteral("nothing offered when writable")));
                auto *edits = dynamic_cast<HoldsEdits *>(page);
                edits->setHeld(kWhy);
                const QStringList wrong = notHeldAsRowsAreSelected(page);
                QVERIFY2(wrong.isEmpty(), qPrintable(where(page) + wrong.join(QStringLiteral("; "))));
                // Released: offered again, no tip saying it is held.
                edits->setHeld(QString());
                bool offered = false;
                for (QAbstractButton *button : page->findChildren<QAbstractButton *>()) {
                    QVERIFY2(button->toolTip() != kWhy, qPrintable(where(page) + button->text()));
                    offered = offered || (button->isEnabled() && !changesNothing(button) && button->isVisibleTo(page));
                }
                QVERIFY2(offered, qPrintable(where(page) + QStringLiteral("no button offered once released")));
            }
            // As a reader's session is (the case view holds each page with
            // its reason as it fills it), and filled again (another quarter,
            // an edit elsewhere).
            view->context().session->setReadOnly(kWhy);
            for (int again : {0, 1}) {
                view->setContext(view->context());
                for (QWidget *page : std::as_const(pages)) {
                    view->tabs()->setCurrentWidget(page);
                    QCoreApplication::processEvents();
                    const QStringList wrong = notHeldAsRowsAreSelected(page);
                    QVERIFY2(wrong.isEmpty(), qPrintable(where(page) + QStringLiteral("a reader's, filled %1: ").arg(again + 1)
                                                         + wrong.join(QStringLiteral("; "))));
                }
            }
        }
        QCOMPARE(holding, (QSet<QString>{QStringLiteral("Capability"), QStringLiteral("Notes"),
                                         QStringLiteral("Casework"), QStringLiteral("System")}));
    }

private:
    owbtest::DemoFolder m_demo;
};

QTEST_MAIN(TestCaseHeld)
#include "tst_caseheld.moc"
