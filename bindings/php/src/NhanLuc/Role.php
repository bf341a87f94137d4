<?php

declare(strict_types=1);

namespace NhanLuc;

/** Role of a hired consultant in the work package (nl_role). */
enum Role: string
{
    use EnumInput;

    /** No leading role. */
    case Member = 'member';
    /** Leads one or more work items: at least level 2. */
    case ItemLead = 'item_lead';
    /** Team leader, or runs the whole package: level 1. */
    case TeamLeader = 'team_leader';

    public function code(): int
    {
        return match ($this) {
            self::Member => \NL_ROLE_MEMBER,
            self::ItemLead => \NL_ROLE_ITEM_LEAD,
            self::TeamLeader => \NL_ROLE_TEAM_LEADER,
        };
    }
}
