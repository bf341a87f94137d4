<?php

declare(strict_types=1);

namespace NhanLuc;

/** Major of the degree (nl_major). */
enum Major: string
{
    use EnumInput;

    case Other = 'other';
    /** Công nghệ thông tin. */
    case InformationTechnology = 'it';
    /** Điện tử viễn thông. */
    case ElectronicsTelecom = 'electronics_telecom';

    public function code(): int
    {
        return match ($this) {
            self::Other => \NL_MAJOR_OTHER,
            self::InformationTechnology => \NL_MAJOR_IT,
            self::ElectronicsTelecom => \NL_MAJOR_ELECTRONICS_TELECOM,
        };
    }
}
