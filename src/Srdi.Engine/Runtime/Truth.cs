namespace Srdi.Engine;

/// <summary>Three-valued truth: a condition holds, fails, or cannot be decided from the profile.</summary>
public enum Truth : byte { False, True, Unknown }
