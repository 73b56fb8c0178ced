using AlphaTrade.Core;
using AlphaTrade.Optimization.Parameters;

namespace AlphaTrade.Optimization.Tests;

public class ParameterAxisTests
{
    private static string[] Texts(ParameterAxis a) => a.Values.Select(v => v.ToString()).ToArray();

    [Fact]
    public void Parse_IntegerRange_IncludesStop()
    {
        var a = ParameterAxis.Parse("fast=5:50:5");
        Assert.Equal("fast", a.Name);
        Assert.Equal(["5", "10", "15", "20", "25", "30", "35", "40", "45", "50"], Texts(a));
        Assert.All(a.Values, v => Assert.True(v.IsInteger));
        Assert.Equal(50, a.Values[^1].ToInt32());
    }

    [Fact]
    public void Parse_DecimalRange_StepsExactlyWithoutDrift()
    {
        // 0.1 + 0.1 + 0.1 > 0.3 in binary floating point; decimal stepping reaches 0.3 exactly.
        Assert.Equal(["0.1", "0.2", "0.3"], Texts(ParameterAxis.Parse("x=0.1:0.3:0.1")));
        Assert.Equal(["0.1", "0.4", "0.7", "1"], Texts(ParameterAxis.Parse("x=0.1:1:0.3")));
        var many = ParameterAxis.Parse("x=0:1:0.01");
        Assert.Equal(101, many.Values.Count);
        Assert.Equal(0.37m, many.Values[37].Number);
        Assert.Equal(1m, many.Values[^1].Number);
    }

    [Fact]
    public void Parse_StopOffTheStepGrid_EndsAtTheLastValueBelowStop()
    {
        Assert.Equal(["5", "10", "15", "20", "25", "30", "35", "40", "45", "50"], Texts(ParameterAxis.Parse("fast=5:52:5")));
    }

    [Fact]
    public void Parse_NegativeAndSignedNumbers_Parse()
    {
        Assert.Equal(["-1", "-0.5", "0", "0.5", "1"], Texts(ParameterAxis.Parse("k=-1:1:0.5")));
        Assert.Equal(["3"], Texts(ParameterAxis.Parse("k=+3")));
        Assert.Equal(["1.5"], Texts(ParameterAxis.Parse("k=1.50")));
    }

    [Fact]
    public void Parse_SingleValueListAndNames_Parse()
    {
        Assert.Equal(["7"], Texts(ParameterAxis.Parse("n=7")));
        Assert.Equal(["20", "5", "10"], Texts(ParameterAxis.Parse("n=20,5,10")));
        var names = ParameterAxis.Parse("ma=sma,ema");
        Assert.Equal(["sma", "ema"], Texts(names));
        Assert.False(names.IsNumeric);
        Assert.Equal("ema", names.Values[1].Text);
    }

    [Fact]
    public void Parse_Whitespace_IsIgnored()
    {
        var a = ParameterAxis.Parse("  fast = 5 : 15 : 5 ");
        Assert.Equal("fast", a.Name);
        Assert.Equal(["5", "10", "15"], Texts(a));
        Assert.Equal("fast=5 : 15 : 5", a.Source);
    }

    [Theory]
    [InlineData("", "--param '': expected name=start:stop:step, name=a,b,c or name=value")]
    [InlineData("fast", "--param 'fast': missing '='; expected name=start:stop:step, name=a,b,c or name=value")]
    [InlineData("fast=", "--param 'fast=': no value after '='; expected name=start:stop:step, name=a,b,c or name=value")]
    [InlineData("=5", "--param '=5': no parameter name before '='; expected name=start:stop:step, name=a,b,c or name=value")]
    [InlineData("1x=5", "--param '1x=5': parameter name '1x' must start with a letter and hold only letters, digits, '_', '-' or '.'")]
    [InlineData("fast=5:50", "--param 'fast=5:50': a range needs start:stop:step, got 2 parts")]
    [InlineData("fast=5:50:5:1", "--param 'fast=5:50:5:1': a range needs start:stop:step, got 4 parts")]
    [InlineData("fast=5:x:5", "--param 'fast=5:x:5': stop 'x' is not a number")]
    [InlineData("fast=a:50:5", "--param 'fast=a:50:5': start 'a' is not a number")]
    [InlineData("fast=5::5", "--param 'fast=5::5': the range has no stop; expected start:stop:step")]
    [InlineData("fast=5:50:0", "--param 'fast=5:50:0': step must be positive, got 0")]
    [InlineData("fast=5:50:-5", "--param 'fast=5:50:-5': step must be positive, got -5")]
    [InlineData("fast=50:5:5", "--param 'fast=50:5:5': start 50 is greater than stop 5")]
    [InlineData("fast=1,5e2", "--param 'fast=1,5e2': '5e2' is neither a number nor a name (a letter, then letters, digits, '_', '-' or '.')")]
    [InlineData("fast=1,1.0", "--param 'fast=1,1.0': value 1.0 appears more than once")]
    [InlineData("fast=5,,10", "--param 'fast=5,,10': empty value at position 2 of the list")]
    [InlineData("ma=5,ema", "--param 'ma=5,ema': the list mixes numbers and names; a list holds one kind")]
    [InlineData("fast=5,5", "--param 'fast=5,5': value 5 appears more than once")]
    [InlineData("x=0:10:0.00001", "--param 'x=0:10:0.00001': the range has more than 1,000,000 values, the most one parameter may take")]
    public void Parse_BadInput_ThrowsOneLineInputException(string argument, string message)
    {
        var ex = Assert.Throws<InputException>(() => ParameterAxis.Parse(argument));
        Assert.Equal(message, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Parse_Comma_IsNeverADecimalSeparator()
    {
        // Invariant culture: "1,5" is the list {1, 5}, never 1.5.
        Assert.Equal(["1", "5"], Texts(ParameterAxis.Parse("x=1,5")));
    }
}

public class ParameterGridTests
{
    [Fact]
    public void Enumerate_CartesianProduct_FirstParameterSlowest()
    {
        var grid = ParameterGrid.Parse(["fast=1,2", "slow=10:30:10"]);
        var sets = grid.Enumerate();
        Assert.Equal(6, grid.RawCount);
        Assert.Equal(
            ["fast=1 slow=10", "fast=1 slow=20", "fast=1 slow=30", "fast=2 slow=10", "fast=2 slow=20", "fast=2 slow=30"],
            sets.Select(s => s.ToString()).ToArray());
        Assert.Equal([0, 1, 2, 3, 4, 5], sets.Select(s => s.Index).ToArray());
        Assert.Equal(20, sets[4].GetInt32("slow"));
        Assert.Equal(2.0, sets[4].GetDouble("fast"));
    }

    [Fact]
    public void Enumerate_ThreeParameters_IsDeterministic()
    {
        var grid = ParameterGrid.Parse(["a=1:3:1", "b=x,y", "c=0.5,0.25"]);
        var first = grid.Enumerate().Select(s => s.ToString()).ToArray();
        var second = grid.Enumerate().Select(s => s.ToString()).ToArray();
        Assert.Equal(12, first.Length);
        Assert.Equal(first, second);
        Assert.Equal("a=1 b=x c=0.5", first[0]);
        Assert.Equal("a=1 b=x c=0.25", first[1]);
        Assert.Equal("a=1 b=y c=0.5", first[2]);
        Assert.Equal("a=3 b=y c=0.25", first[11]);
    }

    [Fact]
    public void Enumerate_WithConstraint_KeepsOnlySatisfyingSetsReindexed()
    {
        var grid = ParameterGrid.Parse(["fast=10:30:10", "slow=20:40:10"]);
        var c = ParameterConstraint.Parse("fast<slow", grid);
        var sets = grid.Enumerate(c.IsSatisfiedBy);
        Assert.Equal(
            ["fast=10 slow=20", "fast=10 slow=30", "fast=10 slow=40", "fast=20 slow=30", "fast=20 slow=40", "fast=30 slow=40"],
            sets.Select(s => s.ToString()).ToArray());
        Assert.Equal(Enumerable.Range(0, 6), sets.Select(s => s.Index));
    }

    [Fact]
    public void Constraint_ChainsAndClauses_AllMustHold()
    {
        var grid = ParameterGrid.Parse(["fast=5:30:5", "slow=10:40:10"]);
        var sets = grid.Enumerate(ParameterConstraint.Parse("10<fast<slow && slow!=30, fast>=0", grid).IsSatisfiedBy);
        Assert.Equal(["fast=15 slow=20", "fast=15 slow=40", "fast=20 slow=40", "fast=25 slow=40", "fast=30 slow=40"], sets.Select(s => s.ToString()).ToArray());
    }

    [Theory]
    [InlineData("fast<slwo", "--constraint 'fast<slwo': unknown parameter 'slwo'; the grid has fast, slow, ma")]
    [InlineData("fast<>slow", "--constraint 'fast<>slow': unknown operator '<>'; expected <, <=, >, >=, == or !=")]
    [InlineData("fast", "--constraint 'fast': 'fast' is not a comparison; expected e.g. fast<slow")]
    [InlineData("fast<", "--constraint 'fast<': missing operand in 'fast<'; expected e.g. fast<slow")]
    [InlineData("fast<slow,", "--constraint 'fast<slow,': empty comparison; expected e.g. fast<slow")]
    [InlineData("ma<slow", "--constraint 'ma<slow': parameter 'ma' has names as values and cannot be compared")]
    public void Constraint_BadInput_ThrowsInputException(string text, string message)
    {
        var grid = ParameterGrid.Parse(["fast=1,2", "slow=3,4", "ma=sma,ema"]);
        var ex = Assert.Throws<InputException>(() => ParameterConstraint.Parse(text, grid));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Enumerate_OverCap_ThrowsWithCounts()
    {
        var grid = ParameterGrid.Parse(["fast=1:1000:1", "slow=1:1000:1"]);
        var ex = Assert.Throws<InputException>(() => grid.Enumerate());
        Assert.Equal("optimize: the parameter grid has 1,000,000 configurations, more than the cap of 100,000; narrow the --param ranges or raise the cap", ex.Message);
    }

    [Fact]
    public void Enumerate_ConstraintLeavesOverCap_ThrowsWithExactCount()
    {
        var grid = ParameterGrid.Parse(["fast=1:100:1", "slow=1:100:1"]);
        var c = ParameterConstraint.Parse("fast<slow", grid);
        var ex = Assert.Throws<InputException>(() => grid.Enumerate(c.IsSatisfiedBy, maxConfigurations: 1000));
        Assert.Equal("optimize: the constraint leaves 4,950 of the grid's 10,000 configurations, more than the cap of 1,000; narrow the --param ranges or raise the cap", ex.Message);
    }

    [Fact]
    public void Enumerate_ConstraintLeavesNone_Throws()
    {
        var grid = ParameterGrid.Parse(["fast=5,6", "slow=1,2"]);
        var ex = Assert.Throws<InputException>(() => grid.Enumerate(ParameterConstraint.Parse("fast<slow", grid).IsSatisfiedBy));
        Assert.Equal("optimize: the constraint leaves none of the grid's 4 configurations", ex.Message);
    }

    [Fact]
    public void Parse_DuplicateOrMissingParameters_Throw()
    {
        Assert.Equal("--param 'fast=10': parameter 'fast' is given more than once",
            Assert.Throws<InputException>(() => ParameterGrid.Parse(["fast=5", "fast=10"])).Message);
        Assert.Equal("--param: none given; expected name=start:stop:step, name=a,b,c or name=value",
            Assert.Throws<InputException>(() => ParameterGrid.Parse([])).Message);
    }

    [Fact]
    public void ParameterSet_LookupsAndEquality_Work()
    {
        var a = ParameterGrid.Parse(["fast=5", "ma=ema"]).Enumerate()[0];
        var b = new ParameterSet(7, ["fast", "ma"], [ParameterValue.Of(5.0m), ParameterValue.Of("ema")]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("ema", a.GetText("ma"));
        Assert.Throws<KeyNotFoundException>(() => a["slow"]);
        Assert.Throws<InvalidOperationException>(() => a.GetInt32("ma"));
        Assert.Throws<InvalidOperationException>(() => ParameterValue.Of(2.5m).ToInt32());
    }

    [Fact]
    public void ParameterValue_Ordering_NumbersBeforeNames()
    {
        var values = new[] { ParameterValue.Of("b"), ParameterValue.Of(10m), ParameterValue.Of("a"), ParameterValue.Of(-2.5m) };
        Array.Sort(values);
        Assert.Equal(["-2.5", "10", "a", "b"], values.Select(v => v.ToString()).ToArray());
    }
}
