package org.stockcast.model.additive;

/** ADDITIVE: y = trend + seasonal. MULTIPLICATIVE: y = trend * (1 + seasonal), as the old system used. */
public enum SeasonalityMode { ADDITIVE, MULTIPLICATIVE }
