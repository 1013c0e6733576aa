namespace Srdi.Engine.Evaluation;

/// <summary>One money part as evaluated: whether it applies and what it comes to.</summary>
internal struct PartState
{
    public Truth Applies;
    public bool Known;
    public decimal Amount;
    public bool Capped;
    public bool HasCap;
    public decimal Cap;
}
