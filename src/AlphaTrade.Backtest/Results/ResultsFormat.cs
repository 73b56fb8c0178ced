using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Results;
using System.Runtime.CompilerServices;

namespace AlphaTrade.Backtest.Results;

/// <summary>
/// The text of each results file, invariant and byte-stable: ISO-8601 UTC times ("2024-01-02T14:30:00Z"), decimals
/// as stored, doubles round-trip ("R"), "\n" line ends, a header row. Used by <see cref="ResultsWriter"/> and by
/// tests that hash a run's order and fill log.
/// </summary>
public static class ResultsFormat
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>equity.csv: time_utc, equity, cash (per time step, double).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string EquityCsv(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("time_utc,equity,cash\n");
        var t = result.Equity.TimeUtcTicks;
        var e = result.Equity.Equity;
        var c = result.Equity.Cash;
        for (int i = 0; i < t.Length; i++)
        {
            sb.Append(Time(t[i])).Append(',').Append(D(e[i])).Append(',').Append(D(c[i])).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>orders.csv: one row per order with its final state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string OrdersCsv(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("order_id,strategy,symbol,side,type,time_in_force,quantity,limit_price,stop_price,submitted_utc,status,filled_quantity,avg_fill_price,updated_utc,reason,tag\n");
        foreach (var o in result.Orders)
        {
            var r = o.Request;
            sb.Append(o.OrderId.ToString()).Append(',')
                .Append(Text(o.Strategy)).Append(',')
                .Append(Text(r.Symbol)).Append(',')
                .Append(r.Side.ToSnakeCase()).Append(',')
                .Append(r.Type.ToSnakeCase()).Append(',')
                .Append(r.TimeInForce.ToSnakeCase()).Append(',')
                .Append(r.Quantity.ToString(C)).Append(',')
                .Append(r.LimitPrice?.ToString(C) ?? string.Empty).Append(',')
                .Append(r.StopPrice?.ToString(C) ?? string.Empty).Append(',')
                .Append(Time(o.SubmittedUtcTicks)).Append(',')
                .Append(o.Status.ToSnakeCase()).Append(',')
                .Append(o.FilledQuantity.ToString(C)).Append(',')
                .Append(o.AverageFillPrice.ToString(C)).Append(',')
                .Append(Time(o.UpdatedUtcTicks)).Append(',')
                .Append(Text(o.Reason ?? string.Empty)).Append(',')
                .Append(Text(r.Tag ?? string.Empty)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>fills.csv: one row per execution, in booking order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string FillsCsv(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("fill_id,order_id,strategy,time_utc,symbol,side,quantity,price,notional,commission,fees\n");
        foreach (var f in result.Fills)
        {
            var x = f.Fill;
            sb.Append(f.Sequence.ToString(C)).Append(',')
                .Append(x.OrderId.ToString()).Append(',')
                .Append(Text(f.Strategy)).Append(',')
                .Append(Time(x.TimeUtcTicks)).Append(',')
                .Append(Text(x.Symbol)).Append(',')
                .Append(x.Side.ToSnakeCase()).Append(',')
                .Append(x.Quantity.ToString(C)).Append(',')
                .Append(x.Price.ToString(C)).Append(',')
                .Append(x.Notional.ToString(C)).Append(',')
                .Append(x.Commission.ToString(C)).Append(',')
                .Append(x.Fees.ToString(C)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>trades.csv: closed round trips, then open ones (exit_utc empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string TradesCsv(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("strategy,symbol,direction,entry_utc,exit_utc,quantity,entry_price,exit_price,gross_pnl,costs,net_pnl,fills\n");
        foreach (var t in result.Trades.Concat(result.OpenTrades))
        {
            sb.Append(Text(t.Strategy)).Append(',')
                .Append(Text(t.Symbol)).Append(',')
                .Append(t.Direction == TradeDirection.Long ? "long" : "short").Append(',')
                .Append(Time(t.EntryUtcTicks)).Append(',')
                .Append(t.ExitUtcTicks is { } x ? Time(x) : string.Empty).Append(',')
                .Append(t.Quantity.ToString(C)).Append(',')
                .Append(t.EntryPrice.ToString(C)).Append(',')
                .Append(t.ExitPrice.ToString(C)).Append(',')
                .Append(t.GrossPnl.ToString(C)).Append(',')
                .Append(t.Costs.ToString(C)).Append(',')
                .Append(t.NetPnl.ToString(C)).Append(',')
                .Append(t.FillCount.ToString(C)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>positions.csv: non-flat strategy positions at each session close.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string PositionsCsv(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("time_utc,date,strategy,symbol,quantity,avg_price,mark_price,market_value,unrealized_pnl\n");
        foreach (var p in result.Positions)
        {
            sb.Append(Time(p.TimeUtcTicks)).Append(',')
                .Append(p.Date.ToString("yyyy-MM-dd", C)).Append(',')
                .Append(Text(p.Strategy)).Append(',')
                .Append(Text(p.Symbol)).Append(',')
                .Append(p.Quantity.ToString(C)).Append(',')
                .Append(p.AveragePrice.ToString(C)).Append(',')
                .Append(p.MarkPrice.ToString(C)).Append(',')
                .Append(p.MarketValue.ToString(C)).Append(',')
                .Append(p.UnrealizedPnl.ToString(C)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>SHA-256 (lower-case hex) of orders.csv followed by fills.csv: the run's order/fill log fingerprint.</summary>
    public static string LogHash(RunResult result) => LogHash(OrdersCsv(result), FillsCsv(result));

    /// <summary>The log fingerprint from already formatted orders.csv and fills.csv text.</summary>
    public static string LogHash(string ordersCsv, string fillsCsv)
    {
        ArgumentNullException.ThrowIfNull(ordersCsv);
        ArgumentNullException.ThrowIfNull(fillsCsv);
        var bytes = Encoding.UTF8.GetBytes(ordersCsv + fillsCsv);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>ISO-8601 UTC time, seconds precision (fractions when present).</summary>
    public static string Time(long utcTicks)
    {
        var t = new DateTime(utcTicks, DateTimeKind.Utc);
        if (t.Ticks % TimeSpan.TicksPerSecond != 0 || t.Year < 1000)
        {
            return t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", C);
        }

        // The common case by hand: a custom format string costs several times more, and results hold ~10^5 timestamps.
        return string.Create(20, t, static (span, v) =>
        {
            Digits(span[..4], v.Year);
            span[4] = '-';
            Digits(span.Slice(5, 2), v.Month);
            span[7] = '-';
            Digits(span.Slice(8, 2), v.Day);
            span[10] = 'T';
            Digits(span.Slice(11, 2), v.Hour);
            span[13] = ':';
            Digits(span.Slice(14, 2), v.Minute);
            span[16] = ':';
            Digits(span.Slice(17, 2), v.Second);
            span[19] = 'Z';
        });
    }

    private static void Digits(Span<char> destination, int value)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static string D(double x) => x.ToString("R", C);

    /// <summary>A CSV field: quoted when it holds a comma, quote or line break.</summary>
    private static string Text(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
