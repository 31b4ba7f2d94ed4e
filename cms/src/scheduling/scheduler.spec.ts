import { describe, expect, it } from 'vitest'
import { schedulerOptions } from './scheduler'

describe('schedulerOptions', () => {
  it('sweeps every 30 s unless told otherwise, and never less often than once a minute', () => {
    expect(schedulerOptions({})).toEqual({ sweepMs: 30_000 })
    expect(schedulerOptions({ SCHEDULER_SWEEP_SECONDS: '0.5' })).toEqual({ sweepMs: 500 })
    expect(() => schedulerOptions({ SCHEDULER_SWEEP_SECONDS: '120' })).toThrow(/at most 60; got "120"/)
    expect(() => schedulerOptions({ SCHEDULER_SWEEP_SECONDS: 'soon' })).toThrow(/SCHEDULER_SWEEP_SECONDS/)
  })
})
