// Text is not cut where a person reads it (issue 11 retest): a choice editor
// is as wide as its longest choice ("Limited confidenc"), a cut cell's whole
// text is in its tooltip, and columns fit their contents within limits while
// the stretching column stays readable.

#include "delegates/choicedelegate.h"
#include "delegates/elidingdelegate.h"
#include "nothingcut.h"
#include "widgets/columnfit.h"

#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <memory>

using namespace owb;

class TestClipping : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The capability tab's "Region's view": a column sized to its contents
    // leaves the combo box room for its longest choice and its arrow.
    void choiceEditorShowsItsWholeText()
    {
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0), QStringLiteral("Limited confidence"));
        QTableView view;
        view.setModel(&model);
        auto *delegate = new ChoiceDelegate(&view);
        delegate->setChoices({{QStringLiteral("high"), QStringLiteral("High confidence")},
                              {QStringLiteral("limited"), QStringLiteral("Limited confidence")},
                              {QStringLiteral("moderate"), QStringLiteral("Moderate confidence")}});
        view.setItemDelegateForColumn(0, delegate);
        view.horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.edit(model.index(0, 0));
        auto *combo = view.viewport()->findChild<QComboBox *>();
        QVERIFY(combo);
        QComboBox longest;
        longest.addItem(QStringLiteral("Moderate confidence"));
        QVERIFY2(combo->width() >= longest.sizeHint().width(),
                 qPrintable(QStringLiteral("editor %1 wide, needs %2").arg(combo->width()).arg(longest.sizeHint().width())));
        QVERIFY(view.columnWidth(0) >= longest.sizeHint().width());
    }

    // A required field's editor (a milestone's status) offers only its real
    // choices, and fills its cell, even after the combo box's own resizing
    // (issue 13: it offered "(not set)" and was drawn narrower than the cell).
    void requiredChoiceEditorFillsTheCell()
    {
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0), QStringLiteral("open"));
        QTableView view;
        view.setModel(&model);
        auto *delegate = new ChoiceDelegate(&view);
        delegate->setChoices({{QStringLiteral("open"), QStringLiteral("Open")}, {QStringLiteral("done"), QStringLiteral("Done")}});
        delegate->setRequired(true);
        view.setItemDelegateForColumn(0, delegate);
        view.setColumnWidth(0, 400);
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.edit(model.index(0, 0));
        auto *combo = view.viewport()->findChild<QComboBox *>();
        QVERIFY(combo);
        QTest::qWait(150);
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->findData(QString()), -1);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("open"));
        QCOMPARE(combo->geometry(), view.visualRect(model.index(0, 0)));
        // Chosen and committed: the id.
        combo->setCurrentIndex(1);
        delegate->setModelData(combo, &model, model.index(0, 0));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("done"));
        // Stored empty (an older file): no choice shown, and none written unless one is made.
        model.setData(model.index(0, 0), QString());
        delegate->setEditorData(combo, model.index(0, 0));
        QCOMPARE(combo->currentIndex(), -1);
        delegate->setModelData(combo, &model, model.index(0, 0));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QString());
        // Not required: "(not set)" first.
        delegate->setRequired(false);
        QWidget parent;
        std::unique_ptr<QWidget> editor(delegate->createEditor(&parent, QStyleOptionViewItem(), model.index(0, 0)));
        auto *optional = qobject_cast<QComboBox *>(editor.get());
        QVERIFY(optional);
        QCOMPARE(optional->count(), 3);
        QCOMPARE(optional->itemData(0).toString(), QString());
    }

    // A cut cell says its whole text in its tooltip, before the model's own.
    void elidedTextInTheTooltip()
    {
        const QString text = QStringLiteral("Improved (finance override)");
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0), text);
        model.setData(model.index(0, 0), QStringLiteral("Segment 3 in Q3, 2 in Q4"), Qt::ToolTipRole);
        QTableView view;
        view.setModel(&model);
        ElidingDelegate delegate(Qt::ElideMiddle);
        view.setItemDelegateForColumn(0, &delegate);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QStyleOptionViewItem option;
        option.initFrom(&view);
        option.widget = &view;
        option.rect = QRect(0, 0, 60, 24);
        QVERIFY(delegate.isElided(option, model.index(0, 0)));
        QCOMPARE(delegate.toolTip(option, model.index(0, 0)), text + QStringLiteral("\nSegment 3 in Q3, 2 in Q4"));
        option.rect = QRect(0, 0, 600, 24);
        QVERIFY(!delegate.isElided(option, model.index(0, 0)));
        QCOMPARE(delegate.toolTip(option, model.index(0, 0)), QStringLiteral("Segment 3 in Q3, 2 in Q4"));
    }

    // Columns take their contents' width where there is room; where there is
    // not, the widest give it up first and wrap between words, never below
    // their header or longest word, so nothing is cut (issue 13: the name
    // was squeezed to "Marlwor…", later headers cut to "Capability vi").
    void columnsFitWithinLimits()
    {
        QStandardItemModel model(3, 5);
        const QString name = QStringLiteral("Doveminster University Hospitals NHS Foundation Trust");
        model.setData(model.index(0, 0), name);
        model.setData(model.index(0, 1), QStringLiteral("Mental health and community trust"));
        model.setData(model.index(0, 2), QStringLiteral("Improved (finance override)"));
        model.setData(model.index(0, 3), QStringLiteral("A long column the header sizes to its contents"));
        model.setData(model.index(0, 4), QStringLiteral("Another long column sized by the header"));
        QTableView view;
        view.setModel(&model);
        view.horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        auto *fitter = new ColumnFitter(&view, {{1, 80, 400}, {2, 90, 400}}, {0, 150, 600});
        view.resize(1400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        fitter->fit();
        const QFontMetrics metrics(view.font());
        QVERIFY(view.columnWidth(1) > metrics.horizontalAdvance(model.index(0, 1).data().toString()));
        QVERIFY(view.columnWidth(2) > metrics.horizontalAdvance(model.index(0, 2).data().toString()));
        // The name takes what is left.
        int total = 0;
        for (int c = 0; c < model.columnCount(); ++c)
            total += view.columnWidth(c);
        QCOMPARE(total, view.viewport()->width());
        // Too narrow for one line each: the widest columns wrap between words
        // (the rows grow), the name too, and nothing is cut (issue 13: headers
        // and cells were cut to "…" at 1280 pixels).
        view.resize(700, 300);
        QApplication::processEvents();
        fitter->fit();
        QApplication::processEvents();
        QVERIFY(view.columnWidth(0) >= 150);
        QVERIFY(view.columnWidth(0) >= view.columnWidth(1)); // the names keep the most room
        const QString cut = nothingCut(view);
        QVERIFY2(cut.isEmpty(), qPrintable(cut));
    }

};

QTEST_MAIN(TestClipping)
#include "tst_clipping.moc"
