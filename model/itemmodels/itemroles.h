#pragma once
// Custom item data roles shared by every model and delegate: delegates ask
// for roles, never for model classes (style.md practice 9).

#include <Qt>

namespace owb {

enum ItemRole {
    SortRole = Qt::UserRole + 1,  // a value that sorts correctly (numbers, not text)
    SegmentRole,  // int 1-5, 0 when not segmented
    MovementRole,  // int: -1 improved, 0 unchanged, +1 deteriorated; invalid if unknown
    PathRole,  // the case file behind a row
    CodeRole,  // organisation code
    PeerTypeRole,  // peer type id
    FilterTextRole,  // text that free-text filtering searches
    ChoicesRole,  // QStringList: the values an editable cell takes (a choice, not free text), "" first for none
    ProblemRole,  // QString: why the text typed into the cell was not taken, in plain words
    NeedsActionRole,  // bool: the row needs the region's action (casework/needsaction)
    StoredValueRole,  // QString: the id a cell stores where it shows the methodology's name for it
};

} // namespace owb
