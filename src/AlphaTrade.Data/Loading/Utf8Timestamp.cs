using System.Runtime.CompilerServices;

namespace AlphaTrade.Data.Loading;

/// <summary>How a parsed timestamp relates to UTC.</summary>
internal enum TimestampZone : byte
{
    /// <summary>No zone: exchange-local wall time.</summary>
    Naive,

    /// <summary>Marked UTC (<c>Z</c>, <c>UTC</c>, <c>GMT</c>).</summary>
    Utc,

    /// <summary>Carries a numeric UTC offset (<c>-04:00</c>).</summary>
    Offset,
}

/// <summary>The unit of a numeric (Unix epoch) timestamp.</summary>
internal enum EpochUnit : byte
{
    /// <summary>Seconds since 1970-01-01 UTC.</summary>
    Seconds,

    /// <summary>Milliseconds.</summary>
    Milliseconds,

    /// <summary>Microseconds.</summary>
    Microseconds,

    /// <summary>Nanoseconds.</summary>
    Nanoseconds,
}

/// <summary>A timestamp as written in the file, before conversion to UTC.</summary>
internal struct ParsedTimestamp
{
    /// <summary>Wall-clock ticks as written (local to <see cref="OffsetMinutes"/> or to the exchange when naive).</summary>
    public long Ticks;

    /// <summary>The written UTC offset in minutes when <see cref="Zone"/> is <see cref="TimestampZone.Offset"/>.</summary>
    public int OffsetMinutes;

    /// <summary>Zone marker found.</summary>
    public TimestampZone Zone;

    /// <summary>False for a date alone.</summary>
    public bool HasTime;

    /// <summary>True when the date was written month first (<c>MM/dd/yyyy</c>).</summary>
    public bool MonthFirst;
}

/// <summary>
/// Hand-written UTF-8 timestamp parsing. Dates: <c>yyyy-MM-dd</c> (also <c>/</c> or <c>.</c> separated),
/// <c>MM/dd/yyyy</c>, <c>yyyyMMdd</c>. Times: <c>H:mm[:ss[.fffffff]]</c> with optional AM/PM, after <c>T</c> or
/// spaces. Zones: <c>Z</c>, <c>UTC</c>, <c>GMT</c>, <c>±hh:mm</c>, <c>±hhmm</c>, <c>±hh</c>. The date part of the
/// previous row is cached: consecutive rows of one day parse the date once.
/// Instances are not thread-safe (one per file being parsed).
/// </summary>
internal sealed class Utf8Timestamp
{
    /// <summary>Ticks of 1970-01-01T00:00:00Z.</summary>
    public const long UnixEpochTicks = 621_355_968_000_000_000L;

    private static readonly int[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    private readonly byte[] _cachedDate = new byte[16];
    private int _cachedDateLength;
    private long _cachedDayTicks;
    private bool _cachedMonthFirst;

    /// <summary>Parses a date with optional time and zone; false when <paramref name="text"/> is not one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryParse(ReadOnlySpan<byte> text, out ParsedTimestamp result)
    {
        if (text.Length >= 19 && text[4] == (byte)'-' && text[7] == (byte)'-' && text[13] == (byte)':' && text[16] == (byte)':'
            && (text[10] == (byte)'T' || text[10] == (byte)' ') && TryParseIsoFixed(text, out result))
        {
            return true;
        }

        return TryParseGeneral(text, out result);
    }

    /// <summary>
    /// Fast path for the common fixed layout <c>yyyy-MM-ddTHH:mm:ss</c> followed by nothing, <c>Z</c> or <c>±hh:mm</c>;
    /// false (try the general parser) for anything else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseIsoFixed(ReadOnlySpan<byte> text, out ParsedTimestamp result)
    {
        result = default;
        int n = text.Length;
        int zoneAt = 19;
        if (n == 19)
        {
            result.Zone = TimestampZone.Naive;
        }
        else if (n == 20 && text[19] == (byte)'Z')
        {
            result.Zone = TimestampZone.Utc;
        }
        else if (n == 25 && (text[19] == (byte)'+' || text[19] == (byte)'-') && text[22] == (byte)':'
            && TwoDigits(text, 20, out int oh) && TwoDigits(text, 23, out int om) && oh <= 18 && om <= 59)
        {
            int offset = (oh * 60) + om;
            result.OffsetMinutes = text[19] == (byte)'-' ? -offset : offset;
            result.Zone = TimestampZone.Offset;
        }
        else
        {
            return false;
        }

        long day;
        if (_cachedDateLength == 10 && text[..10].SequenceEqual(_cachedDate.AsSpan(0, 10)))
        {
            day = _cachedDayTicks;
        }
        else
        {
            if (!TwoDigits(text, 0, out int c) || !TwoDigits(text, 2, out int y) || !TwoDigits(text, 5, out int mo) || !TwoDigits(text, 8, out int d))
            {
                return false;
            }

            day = DayTicks((c * 100) + y, mo, d);
            if (day < 0)
            {
                return false;
            }

            text[..10].CopyTo(_cachedDate);
            _cachedDateLength = 10;
            _cachedDayTicks = day;
            _cachedMonthFirst = false;
        }

        if (!TwoDigits(text, 11, out int h) || !TwoDigits(text, 14, out int mi) || !TwoDigits(text, zoneAt - 2, out int sec)
            || h > 23 || mi > 59 || sec > 59)
        {
            return false;
        }

        result.Ticks = day + (h * TimeSpan.TicksPerHour) + (mi * TimeSpan.TicksPerMinute) + (sec * TimeSpan.TicksPerSecond);
        result.HasTime = true;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryParseGeneral(ReadOnlySpan<byte> text, out ParsedTimestamp result)
    {
        result = default;
        if (!TryParseDate(text, out long dayTicks, out int i, out result.MonthFirst))
        {
            return false;
        }

        result.Ticks = dayTicks;
        if (i == text.Length)
        {
            return true;
        }

        byte sep = text[i];
        if (sep != (byte)'T' && sep != (byte)' ' && sep != (byte)'t')
        {
            return false;
        }

        i++;
        while (i < text.Length && text[i] == (byte)' ')
        {
            i++;
        }

        if (!TryParseTimeAndZone(text[i..], out long timeTicks, out result.OffsetMinutes, out result.Zone))
        {
            return false;
        }

        result.Ticks += timeTicks;
        result.HasTime = true;
        return true;
    }

    /// <summary>
    /// Parses the leading date of <paramref name="text"/>, stopping at the first byte that cannot continue it;
    /// <paramref name="consumed"/> is its length. Uses and refreshes the one-date cache.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryParseDate(ReadOnlySpan<byte> text, out long dayTicks, out int consumed, out bool monthFirst)
    {
        int len = _cachedDateLength;
        if (len != 0 && text.Length >= len && text[..len].SequenceEqual(_cachedDate.AsSpan(0, len))
            && (text.Length == len || !IsDigit(text[len])))
        {
            dayTicks = _cachedDayTicks;
            consumed = len;
            monthFirst = _cachedMonthFirst;
            return true;
        }

        if (!TryParseDateUncached(text, out dayTicks, out consumed, out monthFirst))
        {
            return false;
        }

        if (consumed <= _cachedDate.Length)
        {
            text[..consumed].CopyTo(_cachedDate);
            _cachedDateLength = consumed;
            _cachedDayTicks = dayTicks;
            _cachedMonthFirst = monthFirst;
        }

        return true;
    }

    /// <summary>True when <paramref name="text"/> is a date alone (no time part), e.g. for a separate date column.</summary>
    public bool TryParseDateOnly(ReadOnlySpan<byte> text, out long dayTicks, out bool monthFirst) =>
        TryParseDate(text, out dayTicks, out int consumed, out monthFirst) && consumed == text.Length;

    /// <summary>
    /// Parses <c>H:mm[:ss[.f…]][ AM|PM][zone]</c> filling all of <paramref name="text"/>; ticks since midnight.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseTimeAndZone(ReadOnlySpan<byte> text, out long ticks, out int offsetMinutes, out TimestampZone zone)
    {
        ticks = 0;
        offsetMinutes = 0;
        zone = TimestampZone.Naive;
        int n = text.Length;
        int i = 0;
        int hour = 0;
        int hourDigits = 0;
        while (i < n && hourDigits < 2 && IsDigit(text[i]))
        {
            hour = (hour * 10) + (text[i] - '0');
            hourDigits++;
            i++;
        }

        if (hourDigits == 0 || i + 2 >= n || text[i] != (byte)':' || !TwoDigits(text, i + 1, out int minute))
        {
            return false;
        }

        i += 3;
        int second = 0;
        long fraction = 0;
        if (i < n && text[i] == (byte)':')
        {
            if (!TwoDigits(text, i + 1, out second))
            {
                return false;
            }

            i += 3;
            if (i < n && (text[i] == (byte)'.' || text[i] == (byte)','))
            {
                i++;
                int digits = 0;
                long scale = TimeSpan.TicksPerSecond;
                while (i < n && IsDigit(text[i]))
                {
                    if (digits < 7)
                    {
                        scale /= 10;
                        fraction += (text[i] - '0') * scale;
                    }

                    digits++;
                    i++;
                }

                if (digits == 0)
                {
                    return false;
                }
            }
        }

        int j = i;
        while (j < n && text[j] == (byte)' ')
        {
            j++;
        }

        if (j + 1 < n && (text[j + 1] | 0x20) == 'm' && ((text[j] | 0x20) == 'a' || (text[j] | 0x20) == 'p'))
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            bool pm = (text[j] | 0x20) == 'p';
            hour = (hour % 12) + (pm ? 12 : 0);
            i = j + 2;
            j = i;
            while (j < n && text[j] == (byte)' ')
            {
                j++;
            }
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + fraction;
        if (i == n)
        {
            return true;
        }

        // Zone: optional spaces, then Z / UTC / GMT / ±hh[:mm] / ±hhmm.
        i = j;
        if (i == n)
        {
            return true;
        }

        byte c = text[i];
        if ((c | 0x20) == 'z' && i + 1 == n)
        {
            zone = TimestampZone.Utc;
            return true;
        }

        var rest = text[i..];
        if (rest.Length == 3 && (AsciiEqualsIgnoreCase(rest, "UTC"u8) || AsciiEqualsIgnoreCase(rest, "GMT"u8)))
        {
            zone = TimestampZone.Utc;
            return true;
        }

        if (c != (byte)'+' && c != (byte)'-')
        {
            return false;
        }

        if (!TwoDigits(text, i + 1, out int offHours))
        {
            return false;
        }

        i += 3;
        int offMinutes = 0;
        if (i < n)
        {
            if (text[i] == (byte)':')
            {
                i++;
            }

            if (!TwoDigits(text, i, out offMinutes))
            {
                return false;
            }

            i += 2;
        }

        if (i != n || offHours > 18 || offMinutes > 59)
        {
            return false;
        }

        offsetMinutes = (offHours * 60) + offMinutes;
        if (c == (byte)'-')
        {
            offsetMinutes = -offsetMinutes;
        }

        zone = TimestampZone.Offset;
        return true;
    }

    /// <summary>
    /// Reads an unsigned integer (with an optional fraction) as a Unix epoch count; false when
    /// <paramref name="text"/> is not one. <paramref name="integerPart"/> is the whole-unit value, for unit detection.
    /// </summary>
    public static bool TryParseEpochDigits(ReadOnlySpan<byte> text, out ulong integerPart, out long fractionNumerator, out int fractionDigits)
    {
        integerPart = 0;
        fractionNumerator = 0;
        fractionDigits = 0;
        int n = text.Length;
        int i = 0;
        while (i < n && IsDigit(text[i]))
        {
            if (i >= 19)
            {
                return false;
            }

            integerPart = (integerPart * 10) + (uint)(text[i] - '0');
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        if (i < n && text[i] == (byte)'.')
        {
            i++;
            while (i < n && IsDigit(text[i]))
            {
                if (fractionDigits < 9)
                {
                    fractionNumerator = (fractionNumerator * 10) + (text[i] - '0');
                    fractionDigits++;
                }

                i++;
            }
        }

        return i == n;
    }

    /// <summary>The unit a Unix epoch count of this magnitude is most plausibly in (dates 1973 to 5138).</summary>
    public static EpochUnit DetectEpochUnit(ulong value) => value switch
    {
        < 100_000_000_000UL => EpochUnit.Seconds,
        < 100_000_000_000_000UL => EpochUnit.Milliseconds,
        < 100_000_000_000_000_000UL => EpochUnit.Microseconds,
        _ => EpochUnit.Nanoseconds,
    };

    /// <summary>Converts an epoch count to UTC ticks; false when it is out of <see cref="DateTime"/>'s range.</summary>
    public static bool TryEpochToTicks(ulong integerPart, long fractionNumerator, int fractionDigits, EpochUnit unit, out long utcTicks)
    {
        utcTicks = 0;
        long ticksPerUnit = unit switch
        {
            EpochUnit.Seconds => TimeSpan.TicksPerSecond,
            EpochUnit.Milliseconds => TimeSpan.TicksPerMillisecond,
            EpochUnit.Microseconds => 10,
            _ => 0,
        };

        long maxTicks = DateTime.MaxValue.Ticks - UnixEpochTicks;
        long ticks;
        if (ticksPerUnit == 0)
        {
            ticks = (long)(integerPart / 100);
        }
        else
        {
            if (integerPart > (ulong)(maxTicks / ticksPerUnit))
            {
                return false;
            }

            ticks = (long)integerPart * ticksPerUnit;
            if (fractionDigits > 0)
            {
                long scale = 1;
                for (int k = 0; k < fractionDigits; k++)
                {
                    scale *= 10;
                }

                ticks += fractionNumerator * ticksPerUnit / scale;
            }
        }

        if (ticks > maxTicks)
        {
            return false;
        }

        utcTicks = UnixEpochTicks + ticks;
        return true;
    }

    /// <summary>Ticks at midnight of a Gregorian date, or -1 when the date does not exist.</summary>
    public static long DayTicks(int year, int month, int day)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1)
        {
            return -1;
        }

        bool leap = (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
        int daysInMonth = DaysBeforeMonth[month] - DaysBeforeMonth[month - 1] + (leap && month == 2 ? 1 : 0);
        if (day > daysInMonth)
        {
            return -1;
        }

        int y = year - 1;
        long days = (y * 365L) + (y / 4) - (y / 100) + (y / 400) + DaysBeforeMonth[month - 1] + (leap && month > 2 ? 1 : 0) + day - 1;
        return days * TimeSpan.TicksPerDay;
    }

    private static bool TryParseDateUncached(ReadOnlySpan<byte> text, out long dayTicks, out int consumed, out bool monthFirst)
    {
        dayTicks = -1;
        consumed = 0;
        monthFirst = false;
        int n = text.Length;
        int i = 0;
        int lead = 0;
        while (i < n && i < 9 && IsDigit(text[i]))
        {
            lead = (lead * 10) + (text[i] - '0');
            i++;
        }

        int year;
        int month;
        int day;
        if (i == 4 && i < n && (text[i] == (byte)'-' || text[i] == (byte)'/' || text[i] == (byte)'.'))
        {
            byte sep = text[i];
            year = lead;
            i++;
            if (!OneOrTwoDigits(text, ref i, out month) || i >= n || text[i] != sep)
            {
                return false;
            }

            i++;
            if (!OneOrTwoDigits(text, ref i, out day))
            {
                return false;
            }
        }
        else if (i == 8)
        {
            year = lead / 10000;
            month = lead / 100 % 100;
            day = lead % 100;
        }
        else if (i is 1 or 2 && i < n && text[i] == (byte)'/')
        {
            month = lead;
            monthFirst = true;
            i++;
            if (!OneOrTwoDigits(text, ref i, out day) || i >= n || text[i] != (byte)'/')
            {
                return false;
            }

            i++;
            int start = i;
            year = 0;
            while (i < n && i - start < 4 && IsDigit(text[i]))
            {
                year = (year * 10) + (text[i] - '0');
                i++;
            }

            if (i - start != 4)
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (i < n && IsDigit(text[i]))
        {
            return false;
        }

        dayTicks = DayTicks(year, month, day);
        consumed = i;
        return dayTicks >= 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TwoDigits(ReadOnlySpan<byte> text, int at, out int value)
    {
        value = 0;
        if ((uint)(at + 1) >= (uint)text.Length)
        {
            return false;
        }

        uint a = (uint)(text[at] - '0');
        uint b = (uint)(text[at + 1] - '0');
        if (a > 9 || b > 9)
        {
            return false;
        }

        value = (int)((a * 10) + b);
        return true;
    }

    private static bool OneOrTwoDigits(ReadOnlySpan<byte> text, ref int i, out int value)
    {
        value = 0;
        int start = i;
        while (i < text.Length && i - start < 2 && IsDigit(text[i]))
        {
            value = (value * 10) + (text[i] - '0');
            i++;
        }

        return i > start;
    }

    private static bool AsciiEqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> upper)
    {
        for (int k = 0; k < a.Length; k++)
        {
            if ((a[k] & 0xDF) != upper[k])
            {
                return false;
            }
        }

        return true;
    }
}
