namespace Srdi.Web.Pages;

/// <summary>One choice of a select: the code sent, the Chinese shown.</summary>
public sealed record Choice(string Value, string Label);
