<?php

declare(strict_types=1);

namespace NhanLuc;

/** Kind of employing agency (nl_agency). */
enum Agency: string
{
    use EnumInput;

    case Other = 'other';
    /** Cơ quan Đảng. */
    case Party = 'party';
    /** Cơ quan Nhà nước. */
    case State = 'state';

    public function code(): int
    {
        return match ($this) {
            self::Other => \NL_AGENCY_OTHER,
            self::Party => \NL_AGENCY_PARTY,
            self::State => \NL_AGENCY_STATE,
        };
    }
}
