<?php

declare(strict_types=1);

namespace NhanLuc;

/** Highest degree held (nl_degree). */
enum Degree: string
{
    use EnumInput;

    /** None, or below college. */
    case None = 'none';
    /** Cao đẳng. */
    case College = 'college';
    /** Đại học: a university degree. */
    case Bachelor = 'bachelor';
    /** Thạc sĩ. */
    case Master = 'master';
    /** Tiến sĩ. */
    case Doctor = 'doctor';

    public function code(): int
    {
        return match ($this) {
            self::None => \NL_DEGREE_NONE,
            self::College => \NL_DEGREE_COLLEGE,
            self::Bachelor => \NL_DEGREE_BACHELOR,
            self::Master => \NL_DEGREE_MASTER,
            self::Doctor => \NL_DEGREE_DOCTOR,
        };
    }
}
