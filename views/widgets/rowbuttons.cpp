#include "rowbuttons.h"

#include <QAbstractItemView>
#include <QPointer>
#include <QWidget>

namespace owb {

void enableWithRows(QAbstractItemView *view, std::initializer_list<QWidget *> buttons,
                    std::function<void(QWidget *, bool)> enable)
{
    QList<QPointer<QWidget>> held;
    for (QWidget *button : buttons)
        held.append(button);
    // The model, not the view, answers and holds the connections: a table
    // widget's model outlives the view's own destructor and still reports
    // its reset while the view is half destroyed.
    QAbstractItemModel *model = view->model();
    if (!model)
        return;
    const auto update = [model, held, enable] {
        const bool rows = model->rowCount() > 0;
        for (const QPointer<QWidget> &button : held) {
            if (button && enable)
                enable(button, rows);
            else if (button)
                button->setEnabled(rows);
        }
    };
    QObject::connect(model, &QAbstractItemModel::rowsInserted, model, update);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, model, update);
    QObject::connect(model, &QAbstractItemModel::modelReset, model, update);
    QObject::connect(model, &QAbstractItemModel::layoutChanged, model, update);
    update();
}

} // namespace owb
