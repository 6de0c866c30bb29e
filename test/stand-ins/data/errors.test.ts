/**
 * Every kind of bad input names the file, the record (array index) or NDJSON line, and the field;
 * a folder with any problem loads nothing, and the stand-ins do not start on it.
 */
import { DataLoadError, type DataProblem, loadDataDir } from '../../../stand-ins/data'
import { startStandIns } from '../../../stand-ins/index'
import { fixtureSeed } from '../fixture-seed'
import { dataFolder, IDENTITIES, ndjson, removeDataFolders } from './folder'

afterAll(removeDataFolders)

const profile = { personalEmail: { address: 'a@data.example' } }
const event = { _id: 'e-1', timestamp: '2026-08-11T00:00:00Z', identityMap: { Email: [{ id: 'a@data.example' }] } }

function problemsOf(files: Record<string, unknown>): DataProblem[] {
  try {
    loadDataDir(dataFolder(files))
  } catch (e) {
    if (e instanceof DataLoadError) return [...e.problems]
    throw e
  }
  throw new Error('expected a DataLoadError')
}

describe('loadDataDir problems', () => {
  it.each<[string, Record<string, unknown>, DataProblem[]]>([
    [
      'an event without _id',
      { 'events.json': [event, { ...event, _id: undefined }] },
      [
        {
          file: 'events.json',
          where: { record: 1 },
          field: '_id',
          message: 'is required: a unique string id of the event'
        }
      ]
    ],
    [
      'an event whose timestamp is not an ISO date-time',
      {
        'events.json': [
          event,
          { ...event, _id: 'e-2' },
          { ...event, _id: 'e-3' },
          { ...event, _id: 'e-4', timestamp: '11/08/2026' }
        ]
      },
      [{ file: 'events.json', where: { record: 3 }, field: 'timestamp', message: 'must be an ISO date-time' }]
    ],
    [
      'two events with one _id (NDJSON lines count from 1)',
      { 'events.json': ndjson([event, event]) },
      [{ file: 'events.json', where: { line: 2 }, field: '_id', message: 'repeats the _id of line 1' }]
    ],
    [
      'a record with no identity at all',
      { 'identities.json': IDENTITIES, 'profiles.json': [profile, { person: { name: { firstName: 'Nobody' } } }] },
      [
        {
          file: 'profiles.json',
          where: { record: 1 },
          field: 'identityMap',
          message:
            'the record has no identity: give it an identityMap entry or a field identities.json names under "profile"'
        }
      ]
    ],
    [
      'an identity field holding neither a string nor a number',
      { 'identities.json': IDENTITIES, 'profiles.json': [{ ...profile, personalEmail: { address: true } }] },
      [
        {
          file: 'profiles.json',
          where: { record: 0 },
          field: 'personalEmail.address',
          message: 'must be a string or a number (an identity value)'
        },
        {
          file: 'profiles.json',
          where: { record: 0 },
          field: 'identityMap',
          message:
            'the record has no identity: give it an identityMap entry or a field identities.json names under "profile"'
        }
      ]
    ],
    [
      'a numeric identity too large to be exact',
      {
        'identities.json': IDENTITIES,
        'profiles.json': `[{"personalEmail":{"address":"a@data.example"},"_techmarketingdemos":{"systemIdentifier":{"loyaltyId":60082543727227001177187726544992}}}]`
      },
      [
        {
          file: 'profiles.json',
          where: { record: 0 },
          field: '_techmarketingdemos.systemIdentifier.loyaltyId',
          message: 'is a number too large to be exact in JSON; write the identity as a string'
        }
      ]
    ],
    [
      'an identityMap entry without id',
      { 'events.json': ndjson([{ ...event, identityMap: { Email: [{ primary: true }] } }]) },
      [
        { file: 'events.json', where: { line: 1 }, field: 'identityMap.Email[0].id', message: 'is required' },
        {
          file: 'events.json',
          where: { line: 1 },
          field: 'identityMap',
          message:
            'the record has no identity: give it an identityMap entry or a field identities.json names under "event"'
        }
      ]
    ],
    [
      'identities.json with a bad path, a bad namespace code and an unknown key',
      {
        'identities.json': { profile: { 'person..email': 'Email', 'personalEmail.address': 'E mail' }, events: {} },
        'profiles.json': [profile]
      },
      [
        {
          file: 'identities.json',
          field: 'profile.person..email',
          message: 'must be a dot path such as personalEmail.address'
        },
        {
          file: 'identities.json',
          field: 'profile.personalEmail.address',
          message: 'must name an identity namespace code such as Email or lumaLoyaltyId'
        },
        { file: 'identities.json', field: 'events', message: 'is not a known key (profile, event)' }
      ]
    ],
    [
      'an audience without a name',
      { 'events.json': [event], 'audiences.json': [{ id: 'aud-1', name: 'One' }, { id: 'aud-2' }] },
      [
        {
          file: 'audiences.json',
          where: { record: 1 },
          field: 'name',
          message: 'is required: a text of 1 to 256 characters'
        }
      ]
    ],
    [
      'an audience without an id',
      { 'events.json': [event], 'audiences.json': [{ name: 'One' }] },
      [
        {
          file: 'audiences.json',
          where: { record: 0 },
          field: 'id',
          message: 'is required: letters, digits, - _ . : (an audience id such as a UUID)'
        }
      ]
    ],
    [
      'an unknown audience membership status',
      { 'profiles.json': [{ ...event, segmentMembership: { ups: { 'aud-1': { status: 'active' } } } }] },
      [
        {
          file: 'profiles.json',
          where: { record: 0 },
          field: 'segmentMembership.ups.aud-1.status',
          message: 'must be one of realized, existing, exited'
        }
      ]
    ],
    [
      'a line of NDJSON that is not JSON',
      { 'events.json': `${JSON.stringify(event)}\n{"_id": "e-2",\n` },
      [
        {
          file: 'events.json',
          where: { line: 2 },
          field: undefined,
          message: expect.stringMatching(/^is not valid JSON \(/)
        }
      ]
    ],
    [
      'a JSON array that does not parse',
      { 'profiles.json': '[{"personalEmail": }]' },
      [{ file: 'profiles.json', message: expect.stringMatching(/^is not valid JSON \(/) }]
    ],
    [
      'an array item that is not an object',
      { 'identities.json': IDENTITIES, 'profiles.json': [profile, 'Leah'] },
      [{ file: 'profiles.json', where: { record: 1 }, message: 'must be a JSON object (an XDM record)' }]
    ],
    [
      'a mapping.json that is not an object',
      { 'events.json': [event], 'mapping.json': '["attributes"]' },
      [{ file: 'mapping.json', message: 'must be a JSON object' }]
    ]
  ])('reports %s', (_name, files, expected) => {
    // Act
    const problems = problemsOf(files)
    // Assess
    expect(problems).toEqual(expected)
  })

  it('reports a folder with neither profiles.json nor events.json', () => {
    // Prepare
    const dir = dataFolder({ 'audiences.json': [] })
    // Act
    const act = () => loadDataDir(dir)
    // Assess
    expect(act).toThrow(new DataLoadError([{ file: dir, message: 'holds neither profiles.json nor events.json' }]))
  })

  it('writes each problem as "file record N: field: message", one per line', () => {
    // Prepare
    const dir = dataFolder({
      'events.json': [event, { _id: 'e-2', timestamp: 'yesterday', identityMap: {} }],
      'audiences.json': [{ id: 'aud-1' }]
    })
    // Act
    const act = () => loadDataDir(dir)
    // Assess
    expect(act).toThrow(
      [
        'events.json record 1: timestamp: must be an ISO date-time',
        'events.json record 1: identityMap: the record has no identity: give it an identityMap entry or a field identities.json names under "event"',
        'audiences.json record 0: name: is required: a text of 1 to 256 characters'
      ].join('\n')
    )
  })

  it('starts no stand-in on a bad folder', async () => {
    // Prepare
    const dir = dataFolder({ 'events.json': [event, { ...event, _id: 'e-2', timestamp: 'soon' }] })
    // Act
    const started = startStandIns({
      seed: fixtureSeed(),
      data: dir,
      aep: { port: 0 },
      ims: { port: 0 },
      state: { port: 0 }
    })
    // Assess
    await expect(started).rejects.toThrow('events.json record 1: timestamp: must be an ISO date-time')
  })
})
