using AlphaTrade.Core.Market;
using AlphaTrade.Core.Orders;
using AlphaTrade.Engine.Costs;
using AlphaTrade.Engine.Portfolio;
using FsCheck;
using FsCheck.Xunit;

namespace AlphaTrade.Engine.Tests.Portfolio;

/// <summary>
/// Random streams of fills, marks and financing accruals against an independent recomputation, checked after every
/// event: cash equals the initial capital plus every fill's cash flow, borrow fee and interest; positions equal the
/// sum of signed fills; equity equals cash plus positions at the marks; the account P&amp;L equals equity − capital;
/// strategy and symbol P&amp;L sum to the account's; flat books carry no basis. Exact decimal equality throughout.
/// </summary>
public sealed class LedgerPropertyTests
{
    private static readonly SymbolTable Symbols = new(["AAA", "BBB", "CCC"]);
    private const int Strategies = 3;

    [Property(MaxTest = 300)]
    public bool RandomStreams_AfterEveryEvent_NothingCreatedOrLost((int Kind, int A, int B, int C)[] ops)
    {
        var ledger = new Ledger(Symbols, ["a", "b", "c"], 250_000m);
        var borrowModel = new AnnualRateBorrowFee(0.03m);
        var interestModel = new AnnualRateInterest(0.04m, 0.07m);
        decimal cash = 250_000m;
        var qty = new long[Strategies, Symbols.Count];
        var mark = new decimal?[Symbols.Count];
        long id = 0;
        foreach (var (kind, a, b, c) in ops ?? [])
        {
            int s = Math.Abs(a % Symbols.Count);
            switch (Math.Abs(kind % 5))
            {
                case 0:
                case 1:
                case 2:
                    {
                        int k = Math.Abs(b % Strategies);
                        long q = 1 + Math.Abs(c % 700);
                        decimal price = 1m + (Math.Abs((((long)b * 31) + c) % 2_000_000) / 10_000m);
                        var side = (kind & 1) == 0 ? OrderSide.Buy : OrderSide.Sell;
                        decimal commission = Math.Abs(c % 300) / 100m;
                        decimal fees = side == OrderSide.Sell ? Math.Abs(b % 50) / 100m : 0m;
                        var fill = new Fill(new OrderId(++id), Symbols[s], side, q, price, commission, fees, id);
                        ledger.ApplyFill(k, s, fill);
                        cash += fill.CashFlow;
                        qty[k, s] += fill.SignedQuantity;
                        mark[s] ??= price;
                        break;
                    }

                case 3:
                    {
                        double m = 0.5 + (Math.Abs(b % 400_000) / 1000.0);
                        ledger.SetMark(s, m);
                        mark[s] = PriceMath.ToPrice(m);
                        break;
                    }

                default:
                    {
                        decimal before = ledger.Cash;
                        var (borrow, interest) = ledger.AccrueFinancing(borrowModel, interestModel, 1 + Math.Abs(b % 3));
                        cash += interest - borrow;
                        if (ledger.Cash != before + interest - borrow)
                        {
                            return false;
                        }

                        break;
                    }
            }

            if (!Holds(ledger, cash, qty, mark))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Holds(Ledger ledger, decimal cash, long[,] qty, decimal?[] mark)
    {
        if (ledger.Cash != cash)
        {
            return false;
        }

        decimal equity = cash;
        for (int s = 0; s < Symbols.Count; s++)
        {
            long total = 0;
            for (int k = 0; k < Strategies; k++)
            {
                total += qty[k, s];
                var sp = ledger.StrategyPosition(k, s);
                if (sp.Quantity != qty[k, s] || (sp.Quantity == 0 && sp.CostBasis != 0m))
                {
                    return false;
                }
            }

            if (ledger.Quantity(s) != total)
            {
                return false;
            }

            equity += total * (mark[s] ?? 0m);
        }

        if (ledger.Equity != equity)
        {
            return false;
        }

        var totalPnl = ledger.TotalPnl();
        if (totalPnl.NetPnl != equity - ledger.InitialCapital)
        {
            return false;
        }

        decimal byStrategy = Enumerable.Range(0, Strategies).Sum(k => ledger.StrategyPnl(k).NetPnl) + totalPnl.Interest;
        decimal bySymbol = Enumerable.Range(0, Symbols.Count).Sum(s => ledger.SymbolPnl(s).NetPnl) + totalPnl.Interest;
        decimal fees = Enumerable.Range(0, Symbols.Count).Sum(s => ledger.SymbolPnl(s).Commission + ledger.SymbolPnl(s).Fees);
        return byStrategy == totalPnl.NetPnl && bySymbol == totalPnl.NetPnl && fees == totalPnl.Commission + totalPnl.Fees
            && Math.Abs((double)ledger.Equity - ledger.EquityEstimate()) <= 1e-6 * Math.Max(1.0, Math.Abs((double)ledger.Equity)) + 1e-2;
    }
}
