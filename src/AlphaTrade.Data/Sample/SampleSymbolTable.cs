using System.Collections.Frozen;

namespace AlphaTrade.Data.Sample;

/// <summary>Plausible levels for one symbol: where its price starts, how volatile it is, how much it trades.</summary>
/// <param name="StartPrice">Starting price in dollars.</param>
/// <param name="IdiosyncraticDailyVol">Unconditional daily sd of its own component.</param>
/// <param name="MarketBeta">Loading on the market factor.</param>
/// <param name="AverageDailyVolume">Typical full-day volume in shares.</param>
internal readonly record struct SymbolLevels(double StartPrice, double IdiosyncraticDailyVol, double MarketBeta, double AverageDailyVolume);

/// <summary>
/// Levels of the default universe (rough early-2024 magnitudes, split-adjusted where a split followed) and of
/// the benchmark; any other symbol gets levels derived from a stable hash of its ticker.
/// </summary>
internal static class SampleSymbolTable
{
    private static readonly FrozenDictionary<string, SymbolLevels> Known = new Dictionary<string, SymbolLevels>(StringComparer.Ordinal)
    {
        ["AAPL"] = new(190, 0.012, 1.10, 55e6),
        ["MSFT"] = new(375, 0.011, 1.00, 22e6),
        ["NVDA"] = new(120, 0.024, 1.60, 250e6),
        ["AVGO"] = new(140, 0.020, 1.30, 25e6),
        ["ORCL"] = new(105, 0.015, 1.00, 9e6),
        ["CRM"] = new(265, 0.016, 1.10, 6e6),
        ["ADBE"] = new(590, 0.016, 1.10, 3e6),
        ["AMD"] = new(140, 0.024, 1.50, 55e6),
        ["GOOGL"] = new(140, 0.014, 1.05, 28e6),
        ["META"] = new(350, 0.018, 1.25, 17e6),
        ["NFLX"] = new(480, 0.019, 1.10, 5e6),
        ["DIS"] = new(90, 0.013, 1.00, 9e6),
        ["AMZN"] = new(150, 0.015, 1.20, 45e6),
        ["TSLA"] = new(245, 0.030, 1.60, 100e6),
        ["HD"] = new(350, 0.011, 0.95, 3.5e6),
        ["MCD"] = new(295, 0.009, 0.60, 3e6),
        ["NKE"] = new(105, 0.014, 0.90, 9e6),
        ["PG"] = new(148, 0.008, 0.50, 7e6),
        ["KO"] = new(59, 0.008, 0.50, 14e6),
        ["PEP"] = new(168, 0.008, 0.50, 5.5e6),
        ["WMT"] = new(60, 0.009, 0.50, 18e6),
        ["UNH"] = new(520, 0.013, 0.60, 3.5e6),
        ["JNJ"] = new(157, 0.009, 0.55, 7e6),
        ["LLY"] = new(600, 0.017, 0.80, 3e6),
        ["PFE"] = new(29, 0.012, 0.60, 35e6),
        ["MRK"] = new(110, 0.010, 0.55, 8e6),
        ["JPM"] = new(170, 0.011, 1.10, 9e6),
        ["BAC"] = new(33, 0.013, 1.20, 38e6),
        ["GS"] = new(385, 0.013, 1.20, 2.3e6),
        ["MS"] = new(93, 0.013, 1.20, 7.5e6),
        ["V"] = new(260, 0.009, 0.90, 6.5e6),
        ["MA"] = new(425, 0.009, 0.95, 2.8e6),
        ["XOM"] = new(100, 0.012, 0.80, 17e6),
        ["CVX"] = new(150, 0.012, 0.80, 8e6),
        ["COP"] = new(115, 0.015, 0.90, 7e6),
        ["CAT"] = new(295, 0.013, 1.00, 3e6),
        ["BA"] = new(250, 0.018, 1.10, 7e6),
        ["GE"] = new(125, 0.015, 1.10, 6e6),
        ["HON"] = new(205, 0.009, 0.90, 3.2e6),
        ["UPS"] = new(157, 0.012, 0.85, 4e6),
        ["LIN"] = new(405, 0.009, 0.85, 2e6),
        ["FCX"] = new(42, 0.020, 1.30, 13e6),
        ["NEE"] = new(60, 0.013, 0.60, 10e6),
        ["DUK"] = new(97, 0.009, 0.45, 3.2e6),
        ["AMT"] = new(210, 0.014, 0.80, 2.2e6),
        ["PLD"] = new(130, 0.013, 1.00, 3.5e6),
        ["SPY"] = new(475, 0.0, 1.00, 70e6),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> SectorVols = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["Information Technology"] = 0.0080,
        ["Communication Services"] = 0.0070,
        ["Consumer Discretionary"] = 0.0070,
        ["Consumer Staples"] = 0.0055,
        ["Health Care"] = 0.0060,
        ["Financials"] = 0.0070,
        ["Energy"] = 0.0110,
        ["Industrials"] = 0.0060,
        ["Materials"] = 0.0075,
        ["Utilities"] = 0.0065,
        ["Real Estate"] = 0.0070,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Levels of <paramref name="symbol"/>: from the table, else derived from its hash.</summary>
    public static SymbolLevels For(string symbol)
    {
        if (Known.TryGetValue(symbol, out var levels))
        {
            return levels;
        }

        // Unknown ticker: spread four independent fields out of one 64-bit hash.
        ulong h = SampleRandom.StreamSeed(0, "levels:" + symbol);
        double u1 = (h & 0xFFFF) / 65535.0;
        double u2 = ((h >> 16) & 0xFFFF) / 65535.0;
        double u3 = ((h >> 32) & 0xFFFF) / 65535.0;
        double u4 = ((h >> 48) & 0xFFFF) / 65535.0;
        double price = Math.Round(20.0 * Math.Pow(20.0, u1), 2); // 20 .. 400, log-uniform
        double vol = 0.009 + (0.013 * u2);
        double beta = 0.6 + (0.8 * u3);
        double volume = Math.Round(2e6 * Math.Pow(15.0, u4)); // 2M .. 30M, log-uniform
        return new SymbolLevels(price, vol, beta, volume);
    }

    /// <summary>Daily vol of a sector factor: from the table, else 0.7%.</summary>
    public static double SectorDailyVol(string sector) => SectorVols.TryGetValue(sector, out var v) ? v : 0.007;
}
