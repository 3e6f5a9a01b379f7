#include "rowbuttons.h"

#include <QAbstractItemView>
#include <QPointer>
#include <QWidget>

namespace owb {

void enableWithRows(QAbstractItemView *view, std::initializer_list<QWidget *> buttons)
{
    QList<QPointer<QWidget>> held;
    for (QWidget *button : buttons)
        held.append(button);
    const auto update = [view, held] {
        const bool rows = view->model() && view->model()->rowCount() > 0;
        for (const QPointer<QWidget> &button : held)
            if (button)
                button->setEnabled(rows);
    };
    QAbstractItemModel *model = view->model();
    QObject::connect(model, &QAbstractItemModel::rowsInserted, view, update);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, view, update);
    QObject::connect(model, &QAbstractItemModel::modelReset, view, update);
    QObject::connect(model, &QAbstractItemModel::layoutChanged, view, update);
    update();
}

} // namespace owb
