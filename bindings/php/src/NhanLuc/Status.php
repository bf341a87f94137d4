<?php

declare(strict_types=1);

namespace NhanLuc;

/**
 * The library's status codes (nl_status). Every exception thrown for a
 * library error has one of these as getCode():
 *
 *     catch (NhanLuc\NotFoundException $e) { $e->getCode() === Status::NotFound->value }
 */
enum Status: int
{
    case Ok = 0;               // NL_OK
    case InvalidArgument = 1;  // NL_EINVAL       -> InvalidArgumentError (\ValueError)
    case Range = 2;            // NL_ERANGE       -> OverflowException
    case Date = 3;             // NL_EDATE        -> DateError (\ValueError)
    case NotFound = 4;         // NL_ENOTFOUND    -> NotFoundException
    case NotInForce = 5;       // NL_ENOTINFORCE  -> NotInForceException
    case Parse = 6;            // NL_EPARSE       -> ParseException
    case IO = 7;               // NL_EIO          -> IOException
    case NoMemory = 8;         // NL_ENOMEM       -> OutOfMemoryException
    case Ambiguous = 9;        // NL_EAMBIGUOUS   -> AmbiguousNameException

    /** Stable identifier, e.g. "NL_EINVAL". */
    public function identifier(): string
    {
        return \nl_status_name($this->value);
    }

    /** Stable English text, e.g. "invalid argument". */
    public function message(): string
    {
        return \nl_strerror($this->value);
    }
}
