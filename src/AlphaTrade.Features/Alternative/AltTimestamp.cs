using System.Globalization;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Features.Alternative;

/// <summary>Release timestamps of external data: ISO-8601 with an offset or Z, or without one in New York time.</summary>
internal static class AltTimestamp
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    /// <summary>Parses <paramref name="text"/> to UTC ticks; false when it is not a timestamp with a time of day.</summary>
    public static bool TryParse(string text, out long utcTicks)
    {
        utcTicks = 0;
        var s = text.Trim();
        if (s.Length < 16)
        {
            return false; // a date alone says nothing about when in the day the value became public
        }

        bool hasZone = s.EndsWith('Z') || s.EndsWith('z') || (s.Length > 19 && (s[^6] == '+' || s[^6] == '-') && s[^3] == ':');
        if (hasZone)
        {
            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
            {
                utcTicks = dto.UtcTicks;
                return true;
            }

            return false;
        }

        if (DateTime.TryParseExact(s, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utcTicks = UsEasternTime.ToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)).Ticks;
            return true;
        }

        return false;
    }

    /// <summary>ISO-8601 in New York time with its offset, e.g. 2024-01-02T08:00:00-05:00.</summary>
    public static string Format(long utcTicks)
    {
        var utc = new DateTime(utcTicks, DateTimeKind.Utc);
        var offset = UsEasternTime.UtcOffset(utc);
        return new DateTimeOffset(DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified), offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
