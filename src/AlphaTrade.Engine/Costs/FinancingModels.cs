namespace AlphaTrade.Engine.Costs;

/// <summary>What a borrow-fee model needs for one daily accrual on one short position.</summary>
/// <param name="Symbol">Ticker.</param>
/// <param name="ShortMarketValue">Absolute market value of the short at the session close, dollars.</param>
/// <param name="Days">Calendar days the accrual covers (until the next session: 3 over a weekend).</param>
public readonly record struct BorrowFeeParameters(string Symbol, decimal ShortMarketValue, int Days);

/// <summary>The fee for borrowing shares sold short, accrued daily. One method; immutable.</summary>
public interface IBorrowFeeModel
{
    /// <summary>Dollars owed for the accrual (not negative).</summary>
    decimal BorrowFee(in BorrowFeeParameters parameters);
}

/// <summary>What an interest model needs for one daily accrual on the cash balance.</summary>
/// <param name="CashBalance">Cash at the session close (negative: a debit balance, borrowed on margin).</param>
/// <param name="Days">Calendar days the accrual covers.</param>
public readonly record struct InterestParameters(decimal CashBalance, int Days);

/// <summary>Interest on cash and debit balances, accrued daily. One method; immutable.</summary>
public interface IInterestModel
{
    /// <summary>Signed dollars: positive when interest is credited, negative when it is charged.</summary>
    decimal Interest(in InterestParameters parameters);
}

/// <summary>Borrow fee at an annual rate on short market value, simple interest on an Actual/<c>basis</c> day count, rounded to the cent.</summary>
public sealed class AnnualRateBorrowFee : IBorrowFeeModel
{
    /// <summary>Creates the model.</summary>
    public AnnualRateBorrowFee(decimal annualRate, int dayCountBasis = 360)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(annualRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dayCountBasis);
        AnnualRate = annualRate;
        DayCountBasis = dayCountBasis;
    }

    /// <summary>Annual rate (0.005 = 0.5%).</summary>
    public decimal AnnualRate { get; }

    /// <summary>Days per year of the day count (360 as US brokers use).</summary>
    public int DayCountBasis { get; }

    /// <inheritdoc />
    public decimal BorrowFee(in BorrowFeeParameters parameters) =>
        parameters.ShortMarketValue <= 0m || parameters.Days <= 0
            ? 0m
            : PriceMath.DivRound(parameters.ShortMarketValue * AnnualRate * parameters.Days, DayCountBasis, 2);
}

/// <summary>
/// Interest credited on a positive cash balance and charged on a negative one, at annual rates, simple interest on
/// an Actual/<c>basis</c> day count, rounded to the cent. Short-sale proceeds count as cash.
/// </summary>
public sealed class AnnualRateInterest : IInterestModel
{
    /// <summary>Creates the model.</summary>
    public AnnualRateInterest(decimal creditRate, decimal debitRate, int dayCountBasis = 360)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(creditRate);
        ArgumentOutOfRangeException.ThrowIfNegative(debitRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dayCountBasis);
        CreditRate = creditRate;
        DebitRate = debitRate;
        DayCountBasis = dayCountBasis;
    }

    /// <summary>Annual rate earned on positive cash.</summary>
    public decimal CreditRate { get; }

    /// <summary>Annual rate paid on a debit balance.</summary>
    public decimal DebitRate { get; }

    /// <summary>Days per year of the day count.</summary>
    public int DayCountBasis { get; }

    /// <inheritdoc />
    public decimal Interest(in InterestParameters parameters)
    {
        if (parameters.Days <= 0 || parameters.CashBalance == 0m)
        {
            return 0m;
        }

        decimal rate = parameters.CashBalance > 0m ? CreditRate : DebitRate;
        return PriceMath.DivRound(parameters.CashBalance * rate * parameters.Days, DayCountBasis, 2);
    }
}

/// <summary>No borrow fee.</summary>
public sealed class NoBorrowFee : IBorrowFeeModel
{
    /// <summary>The shared instance.</summary>
    public static NoBorrowFee Instance { get; } = new();

    /// <inheritdoc />
    public decimal BorrowFee(in BorrowFeeParameters parameters) => 0m;
}

/// <summary>No interest.</summary>
public sealed class NoInterest : IInterestModel
{
    /// <summary>The shared instance.</summary>
    public static NoInterest Instance { get; } = new();

    /// <inheritdoc />
    public decimal Interest(in InterestParameters parameters) => 0m;
}
