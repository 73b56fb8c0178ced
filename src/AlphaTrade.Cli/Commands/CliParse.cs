using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Cli.Commands;

/// <summary>Parsing of option values into domain types with one-line errors that name the option.</summary>
internal static class CliParse
{
    public static DateOnly? Date(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InputException($"{option}: '{text}' is not a date; expected yyyy-MM-dd");
    }

    public static TimeFrame? TimeFrame(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Core.Time.TimeFrame.TryParse(text, out var tf)
            ? tf
            : throw new InputException($"{option}: '{text}' is not a bar size; expected e.g. 1min, 5min, 15min, 30min, 1h or daily");
    }
}
