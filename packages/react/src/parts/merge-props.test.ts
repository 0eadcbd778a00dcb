import { describe, expect, it } from 'vitest';
import { joinTokens, mergeProps } from './merge-props.js';

describe('mergeProps', () => {
  it.each([
    {
      case: 'the caller overrides a computed prop',
      computed: { type: 'text', 'aria-invalid': true },
      caller: { type: 'email', 'aria-invalid': false },
      merged: { type: 'email', 'aria-invalid': false },
    },
    {
      case: 'an unset caller prop keeps the computed one',
      computed: { 'aria-invalid': true },
      caller: { 'aria-invalid': undefined },
      merged: { 'aria-invalid': true },
    },
    {
      case: 'aria-describedby is joined, ours first, without repeats',
      computed: { 'aria-describedby': 'error-1' },
      caller: { 'aria-describedby': 'hint error-1' },
      merged: { 'aria-describedby': 'error-1 hint' },
    },
    {
      case: 'aria-labelledby and className are joined',
      computed: { 'aria-labelledby': 'title', className: 'ck-root' },
      caller: { 'aria-labelledby': 'extra', className: 'mine' },
      merged: { 'aria-labelledby': 'title extra', className: 'ck-root mine' },
    },
    {
      case: 'an empty token list leaves the attribute out',
      computed: { 'aria-describedby': '' },
      caller: {},
      merged: {},
    },
    {
      case: 'style objects merge, the caller winning per property',
      computed: { style: { color: 'red', margin: 0 } },
      caller: { style: { color: 'blue' } },
      merged: { style: { color: 'blue', margin: 0 } },
    },
    {
      case: 'props only the caller has pass through',
      computed: { className: 'ck-input' },
      caller: { placeholder: 'name', 'data-testid': 'x' },
      merged: { className: 'ck-input', placeholder: 'name', 'data-testid': 'x' },
    },
  ])('$case', ({ computed, caller, merged }) => {
    expect(mergeProps(computed, caller)).toEqual(merged);
  });
});

describe('joinTokens', () => {
  it('drops empty lists and repeated tokens, splitting on any whitespace', () => {
    expect(joinTokens('a  b', undefined, false, null, '', 'b\tc')).toBe('a b c');
  });
});
