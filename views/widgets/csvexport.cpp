#include "csvexport.h"

#include "statusnotice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>
#include <QTextStream>

namespace owb {

QString exportCsv(QWidget *parent, const QString &suggestedName, const std::function<void(QTextStream &)> &write)
{
    const QString path = QFileDialog::getSaveFileName(
        parent, QCoreApplication::translate("owb::CsvExport", "Export CSV"), suggestedName,
        QCoreApplication::translate("owb::CsvExport", "CSV files (*.csv)"));
    if (path.isEmpty())
        return {};
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok) {
        QTextStream out(&file);
        write(out);
        out.flush();
        ok = out.status() == QTextStream::Ok && file.commit();
    }
    if (!ok) {
        QMessageBox::critical(parent, QCoreApplication::translate("owb::CsvExport", "Export failed"),
                              QCoreApplication::translate("owb::CsvExport", "%1: cannot write: %2").arg(path, file.errorString()));
        return {};
    }
    showStatusNotice(parent,
        QCoreApplication::translate("owb::CsvExport", "Written %1").arg(QDir::toNativeSeparators(path)));
    return path;
}

} // namespace owb
