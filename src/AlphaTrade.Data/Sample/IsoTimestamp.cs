using AlphaTrade.Core.Calendar;

namespace AlphaTrade.Data.Sample;

/// <summary>
/// Writes bar times as ISO-8601 exchange-local timestamps with their UTC offset ("2024-01-02T09:30:00-05:00"),
/// straight into UTF-8 bytes. Offsets come from the calendar and are cached per UTC hour (offsets change only on
/// the hour). Not thread-safe: one instance per writer.
/// </summary>
internal sealed class IsoTimestamp
{
    /// <summary>Bytes of one timestamp.</summary>
    public const int Length = 25;

    private readonly ITradingCalendar _calendar;
    private long _hour = long.MinValue;
    private long _offset;
    private long _day = long.MinValue;
    private ulong _dateDigits0;
    private ushort _dateDigits1;

    /// <summary>Creates a formatter using <paramref name="calendar"/>'s time zone.</summary>
    public IsoTimestamp(ITradingCalendar calendar) => _calendar = calendar;

    /// <summary>Exchange-local offset from UTC at <paramref name="utcTicks"/>, in ticks.</summary>
    public long OffsetTicks(long utcTicks)
    {
        long hour = utcTicks / TimeSpan.TicksPerHour;
        if (hour != _hour)
        {
            var utc = new DateTime(utcTicks, DateTimeKind.Utc);
            _offset = _calendar.ToExchangeTime(utc).Ticks - utcTicks;
            _hour = hour;
        }

        return _offset;
    }

    /// <summary>Writes the timestamp of <paramref name="utcTicks"/> into <paramref name="dest"/> (at least <see cref="Length"/> bytes).</summary>
    public int Write(Span<byte> dest, long utcTicks)
    {
        long offset = OffsetTicks(utcTicks);
        long local = utcTicks + offset;
        long day = local / TimeSpan.TicksPerDay;
        if (day != _day)
        {
            var date = new DateTime(day * TimeSpan.TicksPerDay);
            Span<byte> d = stackalloc byte[10];
            Digits4(d, date.Year);
            d[4] = (byte)'-';
            Digits2(d[5..], date.Month);
            d[7] = (byte)'-';
            Digits2(d[8..], date.Day);
            _dateDigits0 = BitConverter.ToUInt64(d);
            _dateDigits1 = BitConverter.ToUInt16(d[8..]);
            _day = day;
        }

        _ = dest[Length - 1];
        BitConverter.TryWriteBytes(dest, _dateDigits0);
        BitConverter.TryWriteBytes(dest[8..], _dateDigits1);
        long secondsOfDay = (local - (day * TimeSpan.TicksPerDay)) / TimeSpan.TicksPerSecond;
        dest[10] = (byte)'T';
        Digits2(dest[11..], (int)(secondsOfDay / 3600));
        dest[13] = (byte)':';
        Digits2(dest[14..], (int)(secondsOfDay / 60 % 60));
        dest[16] = (byte)':';
        Digits2(dest[17..], (int)(secondsOfDay % 60));
        long offMinutes = offset / TimeSpan.TicksPerMinute;
        dest[19] = offMinutes < 0 ? (byte)'-' : (byte)'+';
        offMinutes = Math.Abs(offMinutes);
        Digits2(dest[20..], (int)(offMinutes / 60));
        dest[22] = (byte)':';
        Digits2(dest[23..], (int)(offMinutes % 60));
        return Length;
    }

    /// <summary>The timestamp of <paramref name="utcTicks"/> as a string.</summary>
    public string Format(long utcTicks)
    {
        Span<byte> b = stackalloc byte[Length];
        Write(b, utcTicks);
        return System.Text.Encoding.ASCII.GetString(b);
    }

    private static void Digits2(Span<byte> d, int v)
    {
        d[0] = (byte)('0' + (v / 10));
        d[1] = (byte)('0' + (v % 10));
    }

    private static void Digits4(Span<byte> d, int v)
    {
        d[0] = (byte)('0' + (v / 1000));
        d[1] = (byte)('0' + (v / 100 % 10));
        d[2] = (byte)('0' + (v / 10 % 10));
        d[3] = (byte)('0' + (v % 10));
    }
}
