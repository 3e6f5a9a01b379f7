#pragma once
// One titled dialog holding every field of one casework record (style.md 18):
// text, paragraphs, dates (DateEdit), choices from the methodology's sets and
// lists to tick. OK checks every field; every problem is said at once beside
// its field and the dialog stays open with everything the user typed. From
// then on each message goes as soon as its field is put right. A form given
// a save (setSave) stores its record on OK and closes only when it was
// stored: a save refused (a held case lock, a lost connection, a revoked
// role, a server rule) is said above the buttons and the form stays with
// everything typed, for OK again or Cancel.

#include <QDialog>
#include <QHash>
#include <QVariantMap>
#include <functional>
#include <optional>
#include <utility>

class QFormLayout;
class QLabel;

namespace owb {

class CaseSession;
struct CaseworkTable;
class Methodology;

struct RecordField
{
    // Number: a spin box over `choices` whose ids are consecutive whole
    // numbers, the current one's name shown beside it.
    enum class Kind { Text, Paragraph, Date, Choice, Ticks, Number };
    RecordField(QString column_, QString label_, Kind kind_ = Kind::Text, bool required_ = false, QVariant initial_ = {},
                QList<std::pair<QString, QString>> choices_ = {})
        : column(std::move(column_)), label(std::move(label_)), kind(kind_), required(required_),
          initial(std::move(initial_)), choices(std::move(choices_))
    {
    }
    QString column;
    QString label;
    Kind kind = Kind::Text;
    bool required = false;
    QVariant initial; // text, QDate, a choice's id, or a QStringList of ticked ids
    QList<std::pair<QString, QString>> choices; // (id, name) for Choice, Ticks and Number
    // A required Choice that must be chosen, never defaulted (a regional
    // decision): with an empty `initial` it starts on "(not set)", refused
    // in place until one is chosen.
    bool mustChoose = false;
};

class RecordDialog : public QDialog
{
    Q_OBJECT
public:
    RecordDialog(const QString &title, const QString &intro, const QList<RecordField> &fields,
                 QWidget *parent = nullptr);

    // Column -> value: trimmed text, an ISO date, a choice's id, ticked ids joined by ", ".
    QVariantMap values() const;
    // A further check over all values: returns the column and what is wrong, or an empty column.
    using Check = std::function<std::pair<QString, QString>(const QVariantMap &values)>;
    void setCheck(Check check) { m_checks = {std::move(check)}; }
    // Further checks, each said beside its own field (a field keeps its first problem).
    void addCheck(Check check) { m_checks.append(std::move(check)); }
    QWidget *field(const QString &column) const { return m_fields.value(column); }
    // Checks every field by the model's rules for `table`'s records
    // (fieldValueProblem), the form's values over `record` (what the record
    // holds besides the form, such as an assessment note's year). Without
    // it, every field is still checked by valueProblem (text length, dates).
    void checkAs(const CaseworkTable &table, const Methodology &methodology, const QVariantMap &record = {})
    {
        m_table = &table;
        m_methodology = &methodology;
        m_record = record;
    }

    // Run on OK once every field is right, with values(): "" when the record
    // was stored (the form closes), else why not (the form stays). With a
    // session, a refusal that is the session's conflict (someone else changed
    // the record) goes to the conflict dialog, which keeps this user's values
    // (Keep Mine, Edit Mine); the form closes after it, the way chosen.
    using Save = std::function<QString(const QVariantMap &values)>;
    void setSave(Save save, CaseSession *session = nullptr)
    {
        m_save = std::move(save);
        m_session = session;
    }
    // Why the last OK was not stored, as the form says it ("" when it is not shown).
    QString refusal() const;

    void accept() override;

protected:
    // Escape or closing the window with something typed asks first
    // (Discard / Keep Editing); the Cancel button (reject()) is the user's
    // word and closes at once.
    void keyPressEvent(QKeyEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // Column -> what is wrong with it, for every field at once.
    QHash<QString, QString> problems() const;
    // Shows each field's problem beside it and hides the rest; returns the
    // first field (in the form's order) with a problem, or nullptr.
    QWidget *showProblems();
    // The form's height for what it shows now (messages, a refusal), on the screen.
    void fitHeight();
    // Whether what is typed may go: nothing typed, or the user says Discard.
    bool mayDiscard();

    // Said above the buttons: why OK did not store the record.
    void showRefusal(const QString &error);

    QList<RecordField> m_specs;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, QLabel *> m_messages;
    QList<Check> m_checks;
    const CaseworkTable *m_table = nullptr;
    const Methodology *m_methodology = nullptr;
    QVariantMap m_record;
    Save m_save;
    CaseSession *m_session = nullptr;
    QLabel *m_refusal = nullptr;
    bool m_checked = false; // OK was pressed once: messages follow the fields
    std::optional<QVariantMap> m_shown; // the values as the form was first shown
    int m_plainHeight = -1; // the height before any message was shown
};

} // namespace owb
