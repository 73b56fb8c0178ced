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
    private readonly Dictionary<RiskCheck, int> _resizedBy = [];
    private readonly Dictionary<RiskCheck, int> _rejectedBy = [];

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
    public int ResizedBy(RiskCheck check) => _resizedBy.GetValueOrDefault(check);

    /// <summary>How many orders <paramref name="check"/> refused so far.</summary>
    public int RejectedBy(RiskCheck check) => _rejectedBy.GetValueOrDefault(check);

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
                    _resizedBy[c] = _resizedBy.GetValueOrDefault(c) + 1;
                }

                break;
            default:
                Rejected++;
                if (decision.Checks.Count > 0)
                {
                    var c = decision.Checks[^1];
                    _rejectedBy[c] = _rejectedBy.GetValueOrDefault(c) + 1;
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

/// <summary>Writes <c>risk_events.csv</c>: one row per event, atomically (a temporary file, then a rename).</summary>
public static class RiskEventCsvWriter
{
    /// <summary>The header row.</summary>
    public const string Header = "time_utc,kind,strategy,symbol,side,requested_qty,final_qty,verdict,check,reason";

    /// <summary>Writes <paramref name="events"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<RiskEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(events);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, "." + Path.GetFileName(full) + ".tmp");
        using (var w = new StreamWriter(tmp, false, new UTF8Encoding(false)))
        {
            w.NewLine = "\n";
            w.WriteLine(Header);
            foreach (var e in events)
            {
                w.WriteLine(Row(e));
            }
        }

        File.Move(tmp, full, overwrite: true);
    }

    /// <summary>The CSV row of one event.</summary>
    public static string Row(RiskEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return string.Join(',',
            e.TimeUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            Escape(e.Kind), Escape(e.Strategy), Escape(e.Symbol), Escape(e.Side),
            e.RequestedQuantity.ToString(CultureInfo.InvariantCulture), e.FinalQuantity.ToString(CultureInfo.InvariantCulture),
            Escape(e.Verdict), Escape(e.Check), Escape(e.Reason));
    }

    private static string Escape(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
