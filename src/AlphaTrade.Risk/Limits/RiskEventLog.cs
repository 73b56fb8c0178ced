using System.Globalization;
using System.Text;

namespace AlphaTrade.Risk.Limits;

/// <summary>
/// The risk layer's record of a run: every event in order, and counts of decisions per verdict and per check.
/// Not thread-safe (the engine's loop is single-threaded).
/// </summary>
public sealed class RiskEventLog
{
    private readonly List<RiskEvent> _events = [];
    private const int CheckCount = (int)RiskCheck.MinOrderNotional + 1; // the last check
    private readonly int[] _resizedBy = new int[CheckCount];
    private readonly int[] _rejectedBy = new int[CheckCount];

    /// <summary>Events in the order they happened.</summary>
    public IReadOnlyList<RiskEvent> Events => _events;

    /// <summary>Orders accepted as requested.</summary>
    public int Accepted { get; private set; }

    /// <summary>Orders let through smaller.</summary>
    public int Resized { get; private set; }

    /// <summary>Orders refused.</summary>
    public int Rejected { get; private set; }

    /// <summary>Raised for each event as it is recorded.</summary>
    public event EventHandler<RiskEvent>? Recorded;

    /// <summary>How many orders <paramref name="check"/> cut (resize) so far.</summary>
    public int ResizedBy(RiskCheck check) => (uint)check < (uint)CheckCount ? _resizedBy[(int)check] : 0;

    /// <summary>How many orders <paramref name="check"/> refused so far.</summary>
    public int RejectedBy(RiskCheck check) => (uint)check < (uint)CheckCount ? _rejectedBy[(int)check] : 0;

    /// <summary>Records an order decision (counted) and its event.</summary>
    public void RecordDecision(RiskDecision decision, RiskEvent evt, bool keepAccepts)
    {
        ArgumentNullException.ThrowIfNull(decision);
        switch (decision.Verdict)
        {
            case RiskVerdict.Accept:
                Accepted++;
                break;
            case RiskVerdict.Resize:
                Resized++;
                foreach (var c in decision.Checks)
                {
                    _resizedBy[(int)c]++;
                }

                break;
            default:
                Rejected++;
                if (decision.Checks.Count > 0)
                {
                    var c = decision.Checks[^1];
                    _rejectedBy[(int)c]++;
                }

                break;
        }

        if (decision.Verdict != RiskVerdict.Accept || keepAccepts)
        {
            Record(evt);
        }
    }

    /// <summary>Records an event.</summary>
    public void Record(RiskEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        _events.Add(evt);
        Recorded?.Invoke(this, evt);
    }

    /// <summary>One line of counts for the end of a run.</summary>
    public string Summary()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"risk: {Accepted} accepted, {Resized} resized, {Rejected} rejected");
        var byCheck = Enum.GetValues<RiskCheck>()
            .Where(c => ResizedBy(c) + RejectedBy(c) > 0)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.ToSnakeCase()} {ResizedBy(c)}/{RejectedBy(c)}"))
            .ToList();
        if (byCheck.Count > 0)
        {
            sb.Append(" (resized/rejected by check: ").Append(string.Join(", ", byCheck)).Append(')');
        }

        return sb.ToString();
    }
}

/// <summary>
/// Writes <c>risk_events.csv</c>: one row per event, invariant culture, LF line ends. Each row carries the time twice:
/// <c>time_utc</c> (ISO-8601, <c>Z</c>) and <c>time_exchange</c> (America/New_York wall time with its UTC offset, e.g.
/// <c>2024-12-06T11:45:00-05:00</c>). The file is written atomically (a temporary file, then a rename).
/// </summary>
public static class RiskEventCsvWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "time_utc,time_exchange,kind,strategy,symbol,side,requested_qty,final_qty,verdict,check,reason";

    /// <summary>The file name in a run's results folder.</summary>
    public const string FileName = "risk_events.csv";

    /// <summary>Writes <paramref name="events"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<RiskEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(events);
        var text = ToCsv(events);
        AlphaTrade.Core.IO.AtomicFile.Write(Path.GetFullPath(path), new UTF8Encoding(false).GetBytes(text));
    }

    /// <summary>The whole file as text (header and one line per event, each ending in LF).</summary>
    public static string ToCsv(IEnumerable<RiskEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var e in events)
        {
            sb.Append(Row(e)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The CSV row of one event.</summary>
    public static string Row(RiskEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return string.Join(',',
            e.TimeUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ExchangeTime(e.TimeUtc),
            Escape(e.Kind), Escape(e.Strategy), Escape(e.Symbol), Escape(e.Side),
            e.RequestedQuantity.ToString(CultureInfo.InvariantCulture), e.FinalQuantity.ToString(CultureInfo.InvariantCulture),
            Escape(e.Verdict), Escape(e.Check), Escape(e.Reason));
    }

    /// <summary>New York wall time of <paramref name="utc"/> with its offset: <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c>.</summary>
    public static string ExchangeTime(DateTime utc)
    {
        var offset = AlphaTrade.Core.Time.UsEasternTime.UtcOffset(utc);
        var local = new DateTimeOffset(DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified), offset);
        return local.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static string Escape(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
